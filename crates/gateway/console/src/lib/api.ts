// The one way the console talks to Linli: GraphQL over POST /graphql on the same origin, with
// the session's token, the community in scope (X-Community) and the language. Every document
// is a `graphql(…)` from src/gql, typed from schema.graphql, so results and variables are
// checked at build time.
import { createContext, useContext } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import type { Lang } from './i18n';
import { useNotify } from './notify';
import type { Session } from './session';

export class ApiError extends Error {
  code: string;
  /** The kind of input the error is about (`slug`, `loginName`, `phone` …), when the API says. */
  field?: string;
  constructor(message: string, code: string, field?: string) {
    super(message);
    this.code = code;
    this.field = field;
  }
}

function headersFor(session: Session | null, community: string | undefined, lang: Lang) {
  const h: Record<string, string> = { 'Accept-Language': lang === 'en' ? 'en' : 'zh-CN' };
  if (session?.token) h.Authorization = `Bearer ${session.token}`;
  if (community) h['X-Community'] = community;
  return h;
}

interface Answer {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}

/** POST a GraphQL request (JSON or multipart) and read its answer; the API's first error wins. */
async function send(endpoint: string, body: BodyInit, headers: Record<string, string>, lang: Lang): Promise<unknown> {
  let json: Answer;
  try {
    const res = await fetch(endpoint, { method: 'POST', body, headers });
    json = await res.json();
  } catch {
    throw new ApiError(lang === 'en' ? 'The server could not be reached' : '无法连接服务器，请稍后再试', 'NETWORK');
  }
  const first = json.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'INTERNAL', first.extensions?.field);
  return json.data;
}

export interface Api {
  request<R, V>(doc: TypedDocumentString<R, V>, variables?: V, community?: string): Promise<R>;
  /**
   * A write kept as text (the grid worker's outbox keeps its documents in IndexedDB) sent with
   * its idempotency key: sent again with the key, it is answered, not written twice.
   */
  keyed(query: string, variables: Record<string, unknown>, community: string, key: string): Promise<unknown>;
  /** A mutation with one file, by the GraphQL multipart request spec. */
  upload<R, V>(doc: TypedDocumentString<R, V>, variables: Omit<V, 'file'>, fileVar: string, file: File, community?: string): Promise<R>;
}

/**
 * `request(doc, variables, community)` resolves to the data or rejects with an ApiError whose
 * message is the server's, in the reader's language. An UNAUTHENTICATED answer signs the
 * console out.
 */
export function makeApi(session: Session | null, lang: Lang, onSignedOut: () => void, onWrite: () => void = () => {}): Api {
  // Plain fetch: a GraphQL client library would bring graphql-js's parser (tens of KiB) to
  // every phone for documents that are already text.
  const endpoint = new URL('/graphql', window.location.origin).toString();
  const fail = (e: unknown): never => {
    if (e instanceof ApiError && e.code === 'UNAUTHENTICATED' && session) onSignedOut();
    throw e;
  };
  return {
    request(doc, variables, community) {
      const text = doc.toString();
      const headers = { ...headersFor(session, community, lang), 'Content-Type': 'application/json' };
      const done = send(endpoint, JSON.stringify({ query: text, variables: variables ?? {} }), headers, lang).catch(fail) as Promise<never>;
      // A write makes every answer kept in the query cache stale (pages on screen refetch).
      return text.trimStart().startsWith('mutation') ? done.then((r) => (onWrite(), r)) : done;
    },
    async keyed(query, variables, community, key) {
      const headers = { ...headersFor(session, community, lang), 'Content-Type': 'application/json', 'Idempotency-Key': key };
      const data = await send(endpoint, JSON.stringify({ query, variables }), headers, lang).catch(fail);
      onWrite();
      return data;
    },
    async upload(doc, variables, fileVar, file, community) {
      const body = new FormData();
      body.append('operations', JSON.stringify({ query: doc.toString(), variables: { ...variables, [fileVar]: null } }));
      body.append('map', JSON.stringify({ 0: [`variables.${fileVar}`] }));
      body.append('0', file, file.name);
      const data = await send(endpoint, body, headersFor(session, community, lang), lang).catch(fail);
      onWrite();
      return data as never;
    },
  };
}

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiContext');
  return api;
}

/**
 * One way a page does a write: `work`, then `done` said and `after` run, or the API's message
 * shown. (The pages' queries refetch by themselves: any write makes the cache stale.)
 */
export function useRun(): (work: () => Promise<unknown>, done: string, after?: () => void) => Promise<void> {
  const notify = useNotify();
  return async (work, done, after) => {
    try {
      await work();
      notify.success(done);
      after?.();
    } catch (e) {
      notify.error((e as Error).message);
    }
  };
}

/** Today in China (UTC+8), as YYYY-MM-DD: the days of every figure are China's. */
export function chinaToday(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86400000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}

const inChina = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600000).toISOString();
/** China's calendar day of an instant, "YYYY-MM-DD". */
export const chinaDay = (iso: string) => inChina(iso).slice(0, 10);
/** China's wall-clock time of an instant, "HH:mm". */
export const chinaTime = (iso: string) => inChina(iso).slice(11, 16);

export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** A fresh idempotency key for a points mutation. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}
