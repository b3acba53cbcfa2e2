/**
 * Bulk parsing (issue #9): 100k distinct party-member records (`MemberSchema` of shijian/org: ids,
 * a trimmed name, a discriminated union, an enum, a nested array of strict objects, optional dates),
 * arriving as JSON, parsed with `parseMany(compileParser(MemberSchema), rows)` against a hand-written
 * validator of the same rules (the physical limit) and against zod's own `safeParse` loop (the peer).
 * Also the fallback a strict Content-Security-Policy gets (`{ jit: false }`: zod's interpreter) and the
 * growth from 10k to 100k records. Run with `npx tsx --expose-gc bench/parse.ts`.
 *
 * Times are CPU milliseconds of this process (`process.cpuUsage`, GC threads included), not wall time:
 * on a shared machine the wall clock mostly measures the other processes. Contenders are timed in
 * interleaved rounds after a warm-up and a full GC each; every row reports the median over the rounds.
 */
import { isDeepStrictEqual } from 'node:util';
import { compileParser, jitAvailable, parseMany, parseWith, type Result } from 'shijian/core';
import { MemberSchema } from 'shijian/org';
import { isMain } from '../examples/_print.js';
import { type BenchRow, memory } from './_harness.js';

const N = Number(process.env.PARSE_BENCH_N ?? 100_000);
const ROUNDS = Number(process.env.PARSE_BENCH_ROUNDS ?? 5);
const STATUSES = ['active', 'retired', 'transferred-out', 'deceased'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** `n` distinct valid member records, as a host gets them: through `JSON.parse`. */
export function memberRows(n: number, seed = 0): unknown[] {
  const rows: unknown[] = [];
  for (let k = 0; k < n; k++) {
    const i = k + seed;
    const y = 1970 + (i % 40);
    const day = `${y}-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`;
    const next = `${y + 1}-${pad(1 + ((i + 5) % 12))}-${pad(1 + ((i + 3) % 28))}`;
    const party =
      i % 4 === 0
        ? { standing: 'none' }
        : i % 4 === 1
          ? { standing: 'probationary', joinedOn: day }
          : { standing: 'full', joinedOn: day, fullOn: next };
    const memberships =
      party.standing === 'none'
        ? []
        : [
            { partyOrgId: `br-${i % 6000}`, from: day, ...(i % 3 === 0 ? { to: next } : {}) },
            ...(i % 3 === 0 ? [{ partyOrgId: `br-${(i * 7) % 6000}`, from: next }] : []),
          ];
    rows.push({
      id: `m-${i}`,
      name: i % 10 === 0 ? ` 党员${i} ` : `党员${i}`,
      ...(i % 5 === 0 ? {} : { unitId: `st-${i % 2000}` }),
      party,
      status: STATUSES[i % 4],
      memberships,
      validFrom: day,
      ...(i % 9 === 0 ? { validTo: next } : {}),
    });
  }
  return JSON.parse(JSON.stringify(rows)) as unknown[];
}

// ---------------------------------------------------------------------------------------------
// The hand-written validator: the same rules as MemberSchema (types, lengths, the id pattern, enums,
// calendar days that exist, optional fields, no unknown keys, the array bound), building a new
// stripped object with frozen arrays as zod does. Written to be fast: char codes for dates, a Set for
// the enum, one key count per object instead of a key list. Name lengths count code points, as zod's
// do (until this was fixed the baseline refused names of 101–200 characters outside the BMP, which zod
// accepts); `agree` below checks edge records of every rule against zod before any timing.

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const STATUS = new Set<unknown>(STATUSES);
type Obj = Record<string, unknown>;
const FAIL = Symbol('invalid');

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isDay(s: unknown): boolean {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y0 = s.charCodeAt(0) - 48;
  const y1 = s.charCodeAt(1) - 48;
  const y2 = s.charCodeAt(2) - 48;
  const y3 = s.charCodeAt(3) - 48;
  const m0 = s.charCodeAt(5) - 48;
  const m1 = s.charCodeAt(6) - 48;
  const d0 = s.charCodeAt(8) - 48;
  const d1 = s.charCodeAt(9) - 48;
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9) return false;
  if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return false;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  if (m < 1 || m > 12 || d < 1) return false;
  if (m === 2) return d <= ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28);
  return d <= (m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

/** Length in code points, as zod measures `.min()`/`.max()` of strings (a 𠀀 is one character, two code units). */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    n++;
  }
  return n;
}

function keyCount(o: Obj): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}

function handParty(p: unknown): unknown {
  if (!isObj(p)) return FAIL;
  const standing = p.standing;
  if (standing === 'none') return keyCount(p) === 1 ? { standing } : FAIL;
  if (standing === 'probationary') {
    if (!('joinedOn' in p) || !isDay(p.joinedOn) || keyCount(p) !== 2) return FAIL;
    return { standing, joinedOn: p.joinedOn };
  }
  if (standing === 'full') {
    if (!('joinedOn' in p) || !('fullOn' in p) || !isDay(p.joinedOn) || !isDay(p.fullOn) || keyCount(p) !== 3)
      return FAIL;
    return { standing, joinedOn: p.joinedOn, fullOn: p.fullOn };
  }
  return FAIL;
}

function handMembership(m: unknown): unknown {
  if (!isObj(m)) return FAIL;
  const partyOrgId = m.partyOrgId;
  if (typeof partyOrgId !== 'string' || !ID.test(partyOrgId) || !('from' in m) || !isDay(m.from)) return FAIL;
  const out: Obj = { partyOrgId, from: m.from };
  let known = 2;
  if ('to' in m) {
    known++;
    if (m.to !== undefined && !isDay(m.to)) return FAIL;
    out.to = m.to;
  }
  return keyCount(m) === known ? out : FAIL;
}

/** The hand-written validator: the parsed member, or FAIL. */
export function handMember(x: unknown): unknown {
  if (!isObj(x)) return FAIL;
  const id = x.id;
  if (typeof id !== 'string' || !ID.test(id)) return FAIL;
  const raw = x.name;
  if (typeof raw !== 'string') return FAIL;
  const name = raw.trim();
  // counted in code points only when the code units leave doubt, as zod does
  if (name.length < 1 || (name.length > 200 && codePoints(name) > 200)) return FAIL;
  const out: Obj = { id, name };
  let known = 5;
  if ('unitId' in x) {
    known++;
    const u = x.unitId;
    if (u !== undefined && (typeof u !== 'string' || !ID.test(u))) return FAIL;
    out.unitId = u;
  }
  const party = handParty(x.party);
  if (party === FAIL) return FAIL;
  out.party = party;
  if (!STATUS.has(x.status)) return FAIL;
  out.status = x.status;
  const list = x.memberships;
  if (!Array.isArray(list) || list.length > 200) return FAIL;
  const memberships = new Array<unknown>(list.length);
  for (let i = 0; i < list.length; i++) {
    const m = handMembership(list[i]);
    if (m === FAIL) return FAIL;
    memberships[i] = m;
  }
  out.memberships = Object.freeze(memberships);
  for (const key of ['validFrom', 'validTo'] as const)
    if (key in x) {
      known++;
      const v = x[key];
      if (v !== undefined && !isDay(v)) return FAIL;
      out[key] = v;
    }
  return keyCount(x) === known ? out : FAIL;
}

/** The baseline's bulk loop: every value, or the indexes of the invalid records. */
function handMany(rows: readonly unknown[]): Result<unknown[]> | { ok: false; bad: number[] } {
  const values: unknown[] = [];
  const bad: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const v = handMember(rows[i]);
    if (v === FAIL) bad.push(i);
    else if (bad.length === 0) values.push(v);
  }
  return bad.length > 0 ? { ok: false, bad } : { ok: true, value: values };
}

function zodMany(rows: readonly unknown[]): unknown[] | undefined {
  const values: unknown[] = [];
  let failed = false;
  for (const row of rows) {
    const r = MemberSchema.safeParse(row);
    if (!r.success) failed = true;
    else if (!failed) values.push(r.data);
  }
  return failed ? undefined : values;
}

// ---------------------------------------------------------------------------------------------

/** Breaks one field of a valid record, cycling through the rules, so every validator must refuse it. */
function broken(row: unknown, k: number): unknown {
  const r = structuredClone(row) as Obj;
  const breakers: ((o: Obj) => void)[] = [
    (o) => {
      o.id = '-bad id';
    },
    (o) => {
      o.name = '   ';
    },
    (o) => {
      o.status = 'unknown';
    },
    (o) => {
      o.validFrom = '2025-02-30';
    },
    (o) => {
      o.extra = 1;
    },
    (o) => {
      o.party = { standing: 'full', joinedOn: '2001-01-01' };
    },
    (o) => {
      o.memberships = [{ partyOrgId: 'br-1', from: '2001-13-01' }];
    },
    (o) => {
      o.memberships = [{ partyOrgId: 'br-1', from: '2001-01-01', note: 'x' }];
    },
    (o) => {
      o.unitId = 7;
    },
    (o) => {
      delete o.party;
    },
  ];
  (breakers[k % breakers.length] as (o: Obj) => void)(r);
  return r;
}

/** Records at the edges of the rules (lengths in code points, leap days, explicit undefined), valid or not. */
function edgeRecords(row: unknown): unknown[] {
  const base = structuredClone(row) as Obj;
  const edits: ((o: Obj) => void)[] = [
    (o) => {
      o.name = '𠀀'.repeat(200);
    },
    (o) => {
      o.name = '𠀀'.repeat(201);
    },
    (o) => {
      o.name = 'a'.repeat(200);
    },
    (o) => {
      o.name = `${'a'.repeat(199)}𠀀`;
    },
    (o) => {
      o.name = ' \u3000 ';
    },
    (o) => {
      o.validFrom = '2000-02-29';
    },
    (o) => {
      o.validFrom = '1900-02-29';
    },
    (o) => {
      o.validTo = undefined;
    },
    (o) => {
      o.unitId = undefined;
    },
    (o) => {
      o.id = 'x'.repeat(128);
    },
    (o) => {
      o.id = 'x'.repeat(129);
    },
    (o) => {
      o.memberships = Array.from({ length: 200 }, () => ({ partyOrgId: 'br-1', from: '2001-01-01' }));
    },
    (o) => {
      o.memberships = Array.from({ length: 201 }, () => ({ partyOrgId: 'br-1', from: '2001-01-01' }));
    },
    (o) => {
      o.memberships = [{ partyOrgId: 'br-1', from: '2001-01-01', to: undefined }];
    },
    (o) => {
      o.party = { standing: 'none', joinedOn: '2001-01-01' };
    },
  ];
  return edits.map((edit) => {
    const o = structuredClone(base);
    edit(o);
    return o;
  });
}

/** Before timing: every validator accepts the same records with equal output, and refuses the same ones. */
function agree(rows: readonly unknown[]): void {
  const compiled = compileParser(MemberSchema);
  const interpreted = compileParser(MemberSchema, { jit: false });
  for (const edge of edgeRecords(rows[0])) {
    const zod = MemberSchema.safeParse(edge);
    const hand = handMember(edge);
    const c = compiled.parse(edge);
    if (zod.success !== (hand !== FAIL) || zod.success !== c.ok || (zod.success && !isDeepStrictEqual(hand, zod.data)))
      throw new Error(`validators disagree on an edge record: ${JSON.stringify(edge).slice(0, 120)}`);
  }
  for (let k = 0; k < 1000; k++) {
    const row = rows[(k * 97) % rows.length];
    const hand = handMember(row);
    const zod = MemberSchema.safeParse(row);
    const c = compiled.parse(row);
    const f = interpreted.parse(row);
    if (!zod.success || !c.ok || !f.ok || !isDeepStrictEqual(hand, zod.data) || !isDeepStrictEqual(c.value, zod.data))
      throw new Error(`validators disagree on valid record ${k}`);
    if (!isDeepStrictEqual(f.value, zod.data)) throw new Error(`validators disagree on valid record ${k}`);
    const bad = broken(row, k);
    if (
      handMember(bad) !== FAIL ||
      MemberSchema.safeParse(bad).success ||
      compiled.parse(bad).ok ||
      interpreted.parse(bad).ok
    )
      throw new Error(`validators disagree on broken record ${k}`);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** CPU milliseconds of one call. */
function cpuMs(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Times every contender once per round, interleaved, after one warm-up call each; each one's median ms. */
function interleaved(contenders: Record<string, () => unknown>): Record<string, number> {
  const samples: Record<string, number[]> = {};
  for (const fn of Object.values(contenders)) fn();
  for (let r = 0; r < ROUNDS; r++)
    for (const [name, fn] of Object.entries(contenders)) {
      // a full GC between contenders, so nobody pays for another's garbage, then a pause so that the
      // GC's background threads finish before the clock starts
      memory();
      Atomics.wait(pause, 0, 0, 30);
      const list = samples[name] ?? [];
      list.push(cpuMs(fn));
      samples[name] = list;
    }
  return Object.fromEntries(Object.entries(samples).map(([name, xs]) => [name, median(xs)]));
}

/** Runs the parsing benchmark and returns its rows. */
export async function run(): Promise<BenchRow[]> {
  const rows = memberRows(N);
  // ten distinct tenths of the rows: the 10k batches read the same records, in the same memory, as one 100k
  // batch, so the growth ratio compares batch sizes and not a hot cache (ten passes over one tenth) with a cold one
  const tenths = Array.from({ length: 10 }, (_, k) => rows.slice((k * N) / 10, ((k + 1) * N) / 10));
  agree(rows);
  const compiled = compileParser(MemberSchema);
  const fallback = compileParser(MemberSchema, { jit: false });
  const check = (r: Result<unknown[]>) => {
    if (!r.ok || r.value.length === 0) throw new Error('bench input refused');
  };
  const t = interleaved({
    compiled: () => check(parseMany(compiled, rows)),
    // ten batches of 10k: the same work as one of 100k, so fixed costs weigh the same in both
    compiled10k: () => {
      for (const tenth of tenths) check(parseMany(compiled, tenth));
    },
    fallback: () => check(parseMany(fallback, rows)),
    parseWith: () => {
      for (const row of rows) if (!parseWith(MemberSchema, row).ok) throw new Error('refused');
    },
    hand: () => handMany(rows),
    hand10k: () => {
      for (const tenth of tenths) handMany(tenth);
    },
    zod: () => zodMany(rows),
  });
  const ms = (k: string) => t[k] as number;
  const mode = `${compiled.mode}${jitAvailable() ? '' : ' (no code generation here)'}`;
  return [
    {
      workload: `parseMany(compileParser(MemberSchema)) [${mode}]`,
      n: N,
      shijianMs: ms('compiled'),
      baselineMs: ms('hand'),
      peerMs: ms('zod'),
      peer: 'zod safeParse loop',
      note: `${((ms('compiled') / ms('hand')) as number).toFixed(2)}× hand-written; target ≤ 1.5×`,
    },
    {
      workload: `parseMany, interpreted fallback ({ jit: false }, what a no-eval CSP gets) [${fallback.mode}]`,
      n: N,
      shijianMs: ms('fallback'),
      baselineMs: ms('hand'),
      peerMs: ms('zod'),
      peer: 'zod safeParse loop',
      note: `${(ms('fallback') / ms('hand')).toFixed(2)}× hand-written`,
    },
    {
      workload: 'parseWith(MemberSchema, row) per record (tiered: compiled after ~100k values)',
      n: N,
      shijianMs: ms('parseWith'),
      baselineMs: ms('hand'),
      peerMs: ms('zod'),
      peer: 'zod safeParse loop',
    },
    {
      workload: 'parseMany compiled, growth 10k → 100k',
      n: N,
      shijianMs: ms('compiled'),
      baselineMs: ms('hand'),
      note: `t(100k)/t(10k) = ${((10 * ms('compiled')) / ms('compiled10k')).toFixed(2)}; hand-written ${((10 * ms('hand')) / ms('hand10k')).toFixed(2)}; target 10 ± 15%`,
    },
  ];
}

if (isMain(import.meta.url)) run().then((r) => console.table(r));
