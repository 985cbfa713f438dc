/**
 * Paths of NetSuite's record pages, as the UI (and url.resolveRecord) uses them: entities live
 * under /app/common/entity/ (customers, leads and prospects share custjob.nl), transactions
 * under /app/accounting/transactions/, custom records at custrecordentry.nl with the record
 * type's numeric id in `rectype`. Edit mode adds `e=T`.
 */
export const RECORD_PATHS: Readonly<Record<string, string>> = Object.freeze({
  customer: '/app/common/entity/custjob.nl',
  lead: '/app/common/entity/custjob.nl',
  prospect: '/app/common/entity/custjob.nl',
  job: '/app/common/entity/custjob.nl',
  contact: '/app/common/entity/contact.nl',
  employee: '/app/common/entity/employee.nl',
  vendor: '/app/common/entity/vendor.nl',
  partner: '/app/common/entity/partner.nl',
  salesorder: '/app/accounting/transactions/salesord.nl',
  invoice: '/app/accounting/transactions/custinvc.nl',
  estimate: '/app/accounting/transactions/estimate.nl',
  opportunity: '/app/accounting/transactions/opprtnty.nl',
  customerpayment: '/app/accounting/transactions/custpymt.nl',
  creditmemo: '/app/accounting/transactions/custcred.nl',
});

export const CUSTOM_RECORD_PATH = '/app/common/custom/custrecordentry.nl';
