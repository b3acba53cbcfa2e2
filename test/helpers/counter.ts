import {
  type Decider,
  defineErrors,
  emptyTable,
  err,
  getRecord,
  ok,
  putRecord,
  type RecordTable,
} from '../../src/core/index.js';

export interface CounterState {
  readonly version: number;
  readonly total: number;
  readonly items: RecordTable<{ readonly id: string; readonly count: number; readonly tags: readonly string[] }>;
}
export type CounterCommand =
  | { readonly type: 'add'; readonly id: string; readonly amount: number; readonly tag?: string }
  | { readonly type: 'noop' };
export type CounterEvent = {
  readonly type: 'added';
  readonly id: string;
  readonly amount: number;
  readonly tag?: string;
};

const counterError = defineErrors({
  'test/negative': {
    'zh-CN': (d: { amount: number }) => `不能为负：${d.amount}`,
    en: (d: { amount: number }) => `Negative: ${d.amount}`,
  },
});

export const counter: Decider<CounterState, CounterCommand, CounterEvent> = {
  kind: 'counter',
  initialState: { version: 0, total: 0, items: emptyTable() },
  decide(_state, command) {
    if (command.type === 'noop') return ok([]);
    if (command.amount < 0) return err(counterError('test/negative', { amount: command.amount }, ['amount']));
    return ok([
      { type: 'added', id: command.id, amount: command.amount, ...(command.tag ? { tag: command.tag } : {}) },
    ]);
  },
  evolve(draft, event) {
    draft.total += event.amount;
    const prev = getRecord(draft.items, event.id);
    if (prev) {
      prev.count += event.amount;
      if (event.tag) prev.tags.push(event.tag);
    } else putRecord(draft.items, event.id, { id: event.id, count: event.amount, tags: event.tag ? [event.tag] : [] });
  },
};
