/** The account's employees by internal id, for the alert recipients' check (one search, 10 units). */
import * as search from 'N/search';
import type { EmployeeDirectory } from '../app/ports';
import { isChecked } from '../domain/checkbox';

export function netsuiteEmployees(): EmployeeDirectory {
  return {
    find(ids) {
      if (ids.length === 0) return [];
      return search
        .create({ type: search.Type.EMPLOYEE, filters: [['internalid', 'anyof', [...ids]]], columns: ['email', 'isinactive'] })
        .run()
        .getRange({ start: 0, end: 1000 })
        .map((r) => ({ id: String(r.id), email: String(r.getValue({ name: 'email' }) ?? ''), inactive: isChecked(r.getValue({ name: 'isinactive' })) }));
    },
  };
}
