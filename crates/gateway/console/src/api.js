// The one way the console talks to Linli: GraphQL over POST /graphql on the same origin,
// with the session's token, the community in scope (X-Community) and the language.
import { ClientError, GraphQLClient } from 'graphql-request';
import { createContext, useContext } from 'react';

export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

function headersFor(session, community, lang) {
  const h = { 'Accept-Language': lang === 'en' ? 'en' : 'zh-CN' };
  if (session?.token) h.Authorization = `Bearer ${session.token}`;
  if (community) h['X-Community'] = community;
  return h;
}

function toApiError(e, lang) {
  if (e instanceof ClientError) {
    const first = e.response?.errors?.[0];
    if (first) return new ApiError(first.message, first.extensions?.code);
  }
  return new ApiError(
    lang === 'en' ? 'The server could not be reached' : '无法连接服务器，请稍后再试',
    'NETWORK',
  );
}

/**
 * `request(query, variables, community)` resolves to the data or rejects with an ApiError
 * whose message is the server's, in the reader's language. An UNAUTHENTICATED answer signs
 * the console out.
 */
export function makeApi(session, lang, onSignedOut) {
  const endpoint = new URL('/graphql', window.location.origin).toString();
  const client = new GraphQLClient(endpoint);
  const fail = (e) => {
    const err = toApiError(e, lang);
    if (err.code === 'UNAUTHENTICATED' && session) onSignedOut();
    throw err;
  };
  return {
    request(query, variables = {}, community) {
      return client
        .request({ document: query, variables, requestHeaders: headersFor(session, community, lang) })
        .catch(fail);
    },
    /** A mutation with one file, by the GraphQL multipart request spec. */
    async upload(query, variables, fileVar, file, community) {
      const body = new FormData();
      body.append('operations', JSON.stringify({ query, variables: { ...variables, [fileVar]: null } }));
      body.append('map', JSON.stringify({ 0: [`variables.${fileVar}`] }));
      body.append('0', file, file.name);
      let json;
      try {
        const res = await fetch(endpoint, { method: 'POST', body, headers: headersFor(session, community, lang) });
        json = await res.json();
      } catch (e) {
        fail(e);
      }
      if (json.errors?.length) {
        const err = new ApiError(json.errors[0].message, json.errors[0].extensions?.code);
        if (err.code === 'UNAUTHENTICATED') onSignedOut();
        throw err;
      }
      return json.data;
    },
  };
}

export const ApiContext = createContext(null);

export function useApi() {
  return useContext(ApiContext);
}

/** Today in China (UTC+8), as YYYY-MM-DD: the days of every figure are China's. */
export function chinaToday(offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86400000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}

export function formatDateTime(iso, lang) {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** A fresh idempotency key for a points mutation. */
export function idempotencyKey() {
  return crypto.randomUUID();
}
