/**
 * A short tour of the kernel: deadlines across the 2025 holidays, and a tiny decider executed and replayed.
 * Run on its own with `npx tsx examples/kernel-tour.ts`.
 */
import {
  addWorkdays,
  chinaWorkCalendar,
  type Decider,
  dueDate,
  err,
  execute,
  fixedContext,
  ok,
  type Recorded,
  replay,
  unwrap,
  workdaysBetween,
} from 'shijian/core';
import { isMain, table } from './_print.js';

export function main(): void {
  console.log('\n## 内核 · Kernel: working-day deadlines (办结时限)');
  const rows = (['2025-09-26', '2025-01-24'] as const).map((start) => {
    const due = unwrap(dueDate(start, { workdays: 10 }));
    return {
      起始日期: start,
      时限: '10 个工作日',
      到期日: due,
      自然日: `${(Date.parse(due) - Date.parse(start)) / 86_400_000}`,
      核对: `${workdaysBetween(start, due)} 个工作日`,
    };
  });
  table(rows);
  const holiday = chinaWorkCalendar.describe('2025-10-06');
  console.log(
    `2025-10-06: ${holiday.kind} (${holiday.holiday}); 2025-10-11: ${chinaWorkCalendar.describe('2025-10-11').kind}`,
  );
  const outside = dueDate('2026-12-28', { workdays: 10 });
  console.log(`2026-12-28 + 10 workdays → ${outside.ok ? outside.value : outside.errors[0]?.message['zh-CN']}`);
  console.log(`addWorkdays('2025-10-09', -1) = ${addWorkdays('2025-10-09', -1)}`);

  console.log('\n## 内核 · Kernel: a tiny decider executed and replayed');
  type State = { readonly version: number; readonly signed: readonly string[] };
  type Command = { readonly type: 'sign'; readonly who: string };
  type Event = { readonly type: 'signed'; readonly who: string };
  const signIn: Decider<State, Command, Event> = {
    kind: 'sign-in',
    initialState: { version: 0, signed: [] },
    decide: (state, c) =>
      state.signed.includes(c.who)
        ? err({
            code: 'demo/already-signed',
            message: { 'zh-CN': `${c.who} 已签到`, en: `${c.who} already signed in` },
            path: ['who'],
          })
        : ok([{ type: 'signed', who: c.who }]),
    evolve: (draft, e) => {
      draft.signed.push(e.who);
    },
  };
  const ctx = fixedContext({ now: '2025-07-01T08:30:00+08:00', actor: '机关党委' });
  let state = signIn.initialState;
  const log: Recorded<Event>[] = [];
  for (const who of ['张伟', '李娜', '张伟']) {
    const r = execute(signIn, state, { type: 'sign', who }, ctx);
    if (r.ok) {
      state = r.value.state;
      log.push(...r.value.events);
    } else console.log(`refused: ${r.errors[0]?.code} · ${r.errors[0]?.message['zh-CN']}`);
  }
  const rebuilt = replay(signIn, log);
  console.log(
    `events: ${log.length}; state: ${state.signed.join('、')}; replay equal: ${JSON.stringify(rebuilt) === JSON.stringify(state)}`,
  );
}

if (isMain(import.meta.url)) main();
