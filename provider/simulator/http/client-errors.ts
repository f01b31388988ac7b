import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { RequestLogSink } from './request-log';

/** What Node's HTTP parser reports when it refuses a request before the app sees it. */
interface ParserError extends Error {
  code: string;
}

/** The answer to each kind of refusal: status, error code and a message that says the fix. */
function answerTo(error: ParserError): { status: number; code: string; message: string } {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        code: 'RequestTimeoutException',
        message:
          'the request did not arrive whole within the server’s time (serve --headers-timeout, --request-timeout); send it at once',
      };
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        code: 'ValidationException',
        message:
          'the request headers are larger than the server takes (16 KiB); send fewer or smaller headers',
      };
    default:
      return {
        status: 400,
        code: 'ValidationException',
        message: `the request is not valid HTTP/1.1 (${error.code}); check its request line, its headers (no NUL or bare CR, one Host) and its Content-Length`,
      };
  }
}

/**
 * Answers a request Node's HTTP parser refused (a bad header, a bad Content-Length, headers
 * too large, a timeout) as the app answers: a JSON error with a request id, in the body and
 * in `x-request-id`, and one line in the request log. The connection is closed after it.
 */
export function clientErrorHandler(
  log: RequestLogSink | undefined,
): (error: ParserError, socket: Socket) => void {
  return (error, socket) => {
    // A reset connection has no one to answer; a socket already gone cannot be written.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const requestId = randomUUID();
    const { status, code, message } = answerTo(error);
    const body = JSON.stringify({ code, message, requestId });
    const answer =
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nConnection: close\r\n` +
      `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `x-request-id: ${requestId}\r\n\r\n${body}`;
    if (socket.writable) socket.write(answer, () => socket.destroy());
    else socket.destroy();
    log?.({
      time: new Date().toISOString(),
      level: 'info',
      requestId,
      // The parser stopped before the request line or at it: neither is known for sure.
      method: '-',
      path: '-',
      status,
      code,
      durationMs: 0,
    });
  };
}
