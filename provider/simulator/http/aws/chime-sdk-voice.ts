import type { ErrorCode } from '../../../api/errors';
import type { AwsDialect, AwsErrorAnswer } from './aws-dialect';
import { CHIME_NUMBER_OPERATIONS } from './chime-inventory';
import { CHIME_CONNECTOR_OPERATIONS } from './chime-voice-connectors';
import type { RestOperation } from './rest-operation';

/**
 * Chime SDK Voice (API 2022-08-03) in restJson1: voice connectors, voice connector groups and
 * the phone-number inventory. Timestamps are ISO-8601 strings; errors carry
 * `x-amzn-ErrorType` and `{ Code, Message }`.
 */

/** Every Chime SDK Voice operation the simulator serves. */
export const CHIME_OPERATIONS: readonly RestOperation[] = [
  ...CHIME_NUMBER_OPERATIONS,
  ...CHIME_CONNECTOR_OPERATIONS,
];

/** Chime's error shapes for the simulator's codes: the name, its status and its `Code`. */
const ERRORS: Record<ErrorCode, { name: string; status: number; code: string }> = {
  ValidationException: { name: 'BadRequestException', status: 400, code: 'BadRequest' },
  PayloadTooLargeException: { name: 'BadRequestException', status: 400, code: 'BadRequest' },
  AccessDeniedException: { name: 'AccessDeniedException', status: 403, code: 'AccessDenied' },
  ResourceNotFoundException: { name: 'NotFoundException', status: 404, code: 'NotFound' },
  ConflictException: { name: 'ConflictException', status: 409, code: 'Conflict' },
  ServiceQuotaExceededException: {
    name: 'ResourceLimitExceededException',
    status: 400,
    code: 'ResourceLimitExceeded',
  },
  ThrottlingException: { name: 'ThrottledClientException', status: 429, code: 'Throttled' },
  InternalServerException: { name: 'ServiceFailureException', status: 500, code: 'ServiceFailure' },
  ServiceUnavailableException: {
    name: 'ServiceUnavailableException',
    status: 503,
    code: 'ServiceUnavailable',
  },
};

export const CHIME_DIALECT: AwsDialect = {
  name: 'chime-sdk-voice',
  errorAnswer(error): AwsErrorAnswer {
    const shape = ERRORS[error.code];
    return {
      status: shape.status,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': shape.name },
      body: { Code: shape.code, Message: error.message },
    };
  },
};
