/** A request as a {@link Route} sees it. */
export interface RouteRequest {
  /** `GET`, `POST`, ... */
  readonly method: string;
  /** The URL path, without the query. */
  readonly path: string;
  /** The query string without its `?` (empty when there is none). */
  readonly query: string;
  /** The request body (empty for a `GET`). */
  readonly body: Uint8Array;
}

/** What a {@link Route} answers. */
export interface RouteResponse {
  /** The HTTP status. @default 200 */
  readonly status?: number;
  /** The `content-type`. @default "application/json" */
  readonly contentType?: string;
  /** The body. @default "" */
  readonly body?: string | Uint8Array;
}

/**
 * A handler for one exact URL path of the server started by `startStaticServer`, whatever the
 * method. A handler that throws answers 500 with the error's message.
 */
export type Route = (request: RouteRequest) => RouteResponse | Promise<RouteResponse>;
