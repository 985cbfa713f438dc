/**
 * N/ui/serverWidget and N/ui/message as scripts see them. serverWidget costs no usage units.
 * createList and createAssistant are not modelled (the SuiteApp uses forms only): they fail
 * with a clear error instead of returning something half-working.
 */
import { SuiteScriptError } from '../errors';
import {
  FieldBreakType, FieldDisplayType, FieldLayoutType, FieldType, FormPageLinkType, LayoutJustification,
  MessageType, SublistDisplayType, SublistType, messageType,
} from './enums';
import { Form, ServerMessage } from './form';

export function createServerWidgetModule(): Record<string, unknown> {
  const notModelled = (api: string) => () => {
    throw new SuiteScriptError('SSS_UNSUPPORTED_IN_EMULATOR', `serverWidget.${api} is not modelled by the local runtime (see emulator/runtime/suitelet/README.md)`);
  };
  return Object.freeze({
    createForm(options: Record<string, unknown> | undefined): Form {
      const title = options?.title;
      if (title === undefined || title === null || title === '') {
        throw new SuiteScriptError('SSS_MISSING_REQD_ARGUMENT', 'serverWidget.createForm: Missing a required argument: options.title');
      }
      return new Form(String(title), options?.hideNavBar === true);
    },
    createList: notModelled('createList'),
    createAssistant: notModelled('createAssistant'),
    FieldType,
    FieldDisplayType,
    FieldLayoutType,
    FieldBreakType,
    SublistType,
    SublistDisplayType,
    FormPageLinkType,
    LayoutJustification,
  });
}

export function createMessageModule(): Record<string, unknown> {
  return Object.freeze({
    Type: MessageType,
    create(options: Record<string, unknown> | undefined): ServerMessage {
      return new ServerMessage({
        type: messageType(options?.type, 'message.create'),
        title: options?.title === undefined ? '' : String(options.title),
        message: options?.message === undefined ? '' : String(options.message),
      });
    },
  });
}
