// The grid worker's outbox (待发送): what they record at a door — a visit with its survey
// answers, a resident, a demand taken in, an enrolment or a registration made for someone — is
// kept on the phone (IndexedDB) before it is sent, so a dead spot in an old courtyard loses
// nothing. Each write is sent with its own idempotency key (`<entry>:<step>`): a send whose
// answer was lost is sent again and answered, never written twice. A write the server refuses
// (a resident already registered, a course full …) stays, shown to the worker to resolve.
import { createStore, del, get, set, values } from 'idb-keyval';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, useApi, type Api } from './api';

/** One write of an entry. */
export interface Step {
  query: string;
  variables: Record<string, unknown>;
  /** Variables taken from an earlier step's answer: name → [step, …path] (a new resident's id). */
  take?: Record<string, [number, ...string[]]>;
}

export type Kind = 'visit' | 'resident' | 'demand' | 'enrol' | 'event' | 'walkIn';

export interface Entry {
  id: string;
  /** The account and community it was recorded for: another account never sends it. */
  account: string;
  slug: string;
  kind: Kind;
  /** What the worker sees: "3栋2单元501 张桂兰 入户摸底". */
  title: string;
  steps: Step[];
  /** The answers of the steps sent so far. */
  answers: unknown[];
  state: 'waiting' | 'refused';
  refusal?: { step: number; code: string; message: string };
  /** A visit's new resident's phone number: how the worker finds who is already registered. */
  phone?: string;
  savedAt: string;
}

let opened: ReturnType<typeof createStore> | null = null;
const db = () => (opened ??= createStore('linli-outbox', 'entries'));

export async function entriesOf(account: string, slug: string): Promise<Entry[]> {
  const all = (await values<Entry>(db())) ?? [];
  return all.filter((e) => e.account === account && e.slug === slug).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

const save = (e: Entry) => set(e.id, e, db());

/** Send what is left of one entry, step by step; the entry as it stands after (null: all sent). */
async function sendEntry(api: Api, e: Entry): Promise<Entry | null> {
  for (let i = e.answers.length; i < e.steps.length; i++) {
    const step = e.steps[i];
    const variables = { ...step.variables };
    for (const [name, [from, ...path]] of Object.entries(step.take ?? {})) {
      variables[name] = path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], e.answers[from]);
    }
    try {
      e.answers.push(await api.keyed(step.query, variables, e.slug, `${e.id}:${i}`));
      await save(e);
    } catch (err) {
      const a = err instanceof ApiError ? err : new ApiError(String(err), 'INTERNAL');
      // No network, or the first send of this key still running: it waits for the next try.
      if (a.code === 'NETWORK' || a.field === 'idempotencyKeyRunning') return e;
      e.state = 'refused';
      e.refusal = { step: i, code: a.code, message: a.message };
      await save(e);
      return e;
    }
  }
  await del(e.id, db());
  return null;
}

// One sending at a time on this phone (two pages, or a timer and a tap, never race): each
// call waits for the one before, then sends what is waiting then — an entry kept meanwhile too.
let queue: Promise<unknown> = Promise.resolve();

/** Send every waiting entry of this account and community; how many went through. */
function sendAll(api: Api, account: string, slug: string): Promise<number> {
  const run = queue.then(async () => {
    let sent = 0;
    for (const e of await entriesOf(account, slug)) {
      if (e.state !== 'waiting') continue;
      const after = await sendEntry(api, e);
      if (!after) sent += 1;
      else if (after.state === 'waiting') break; // still offline: the rest wait too
    }
    return sent;
  });
  queue = run.catch(() => {});
  return run;
}

export interface Outbox {
  entries: Entry[];
  /** Keep an entry and try to send it at once. */
  keep: (kind: Kind, title: string, steps: Step[], extra?: { phone?: string }) => Promise<'sent' | 'kept' | 'refused'>;
  send: () => Promise<number>;
  /** A refused entry: give its step's answer (the resident already registered) and send on. */
  answerFor: (id: string, answer: unknown) => Promise<void>;
  discard: (id: string) => Promise<void>;
}

/**
 * The outbox of this account in this community: its entries, kept up to date, and sending —
 * now, when the browser says the network is back, and every 20 seconds while any wait.
 */
export function useOutbox(account: string | undefined, slug: string): Outbox {
  const api = useApi();
  const [entries, setEntries] = useState<Entry[]>([]);
  const reload = useCallback(async () => {
    if (account) setEntries(await entriesOf(account, slug));
  }, [account, slug]);
  const send = useCallback(async () => {
    if (!account) return 0;
    const sent = await sendAll(api, account, slug);
    await reload();
    return sent;
  }, [api, account, slug, reload]);
  useEffect(() => {
    send();
    window.addEventListener('online', send);
    return () => window.removeEventListener('online', send);
  }, [send]);
  const waiting = entries.some((e) => e.state === 'waiting');
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setInterval(send, 20_000);
    return () => clearInterval(timer);
  }, [waiting, send]);
  const keep: Outbox['keep'] = async (kind, title, steps, extra) => {
    if (!account) throw new Error('signed out');
    const e: Entry = { id: crypto.randomUUID(), account, slug, kind, title, steps, answers: [], state: 'waiting', savedAt: new Date().toISOString(), ...extra };
    await save(e);
    await send();
    const left = await get<Entry>(e.id, db());
    return !left ? 'sent' : left.state === 'refused' ? 'refused' : 'kept';
  };
  const answerFor = async (id: string, answer: unknown) => {
    const e = await get<Entry>(id, db());
    if (!e?.refusal) return;
    e.answers[e.refusal.step] = answer;
    e.answers.length = e.refusal.step + 1;
    e.state = 'waiting';
    e.refusal = undefined;
    await save(e);
    await send();
  };
  const discard = async (id: string) => {
    await del(id, db());
    await reload();
  };
  return { entries, keep, send, answerFor, discard };
}
