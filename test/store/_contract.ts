/**
 * The EventStore contract, run unchanged against every implementation (memory, PGlite, a PostgreSQL
 * server). Tests share one store per file, so each test works on its own stream ids and kinds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Context, execute, fixedContext, type Recorded, replay } from '../../src/core/index.js';
import type { EventStore } from '../../src/store/index.js';
import { type CounterCommand, type CounterEvent, counter } from '../helpers/counter.js';
import { deepFreeze } from '../helpers/freeze.js';

/** Events as a decider stamps them: counter `added` events with the given seqs. */
export function added(
  fromSeq: number,
  count: number,
  extra: Record<string, unknown> = {},
): Recorded<CounterEvent & Record<string, unknown>>[] {
  return Array.from({ length: count }, (_, i) => ({
    type: 'added' as const,
    id: `item-${fromSeq + i}`,
    amount: fromSeq + i,
    seq: fromSeq + i,
    at: '2025-10-16T09:30:00+08:00',
    actor: '市场监管局办公室',
    schemaVersion: 1,
    ...extra,
  }));
}

function codes(r: { ok: boolean; errors?: readonly { code: string }[] }): string[] {
  return r.ok ? [] : (r.errors ?? []).map((e) => e.code);
}

/** Runs the whole contract against the store `get()` returns once its `beforeAll` has run. */
export function eventStoreContract(get: () => EventStore<CounterEvent>, options: { races?: number } = {}): void {
  let n = 0;
  const fresh = (label: string): string => `${label}-${Date.now().toString(36)}-${n++}`;
  const races = options.races ?? 20;

  describe('append and read', () => {
    it('round-trips the events a decider produced, and replays to the same state', async () => {
      const store = get();
      const ctx: Context = fixedContext({ now: '2025-10-16T09:30:00+08:00', actor: '张科长' });
      const commands: CounterCommand[] = [
        { type: 'add', id: '食品抽检', amount: 3, tag: '第一季度' },
        { type: 'add', id: '特种设备', amount: 2 },
        { type: 'add', id: '食品抽检', amount: 4, tag: '第二季度' },
      ];
      const id = fresh('counter');
      let state = counter.initialState;
      for (const command of commands) {
        const r = execute(counter, state, command, ctx);
        if (!r.ok) throw new Error('command refused');
        const appended = await store.append(id, 'counter', deepFreeze(r.value.events), state.version);
        expect(appended).toEqual({ ok: true, value: r.value.state.version });
        state = r.value.state;
      }
      const events = await store.readStream(id);
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(events[0]).toEqual({
        type: 'added',
        id: '食品抽检',
        amount: 3,
        tag: '第一季度',
        seq: 1,
        at: '2025-10-16T09:30:00+08:00',
        actor: '张科长',
        schemaVersion: 1,
      });
      expect(replay(counter, events)).toEqual(state);
      expect(await store.version(id)).toBe(3);
    });

    it('reads a stream from a version', async () => {
      const store = get();
      const id = fresh('from');
      expect(await store.append(id, 'counter', added(1, 5), 0)).toEqual({ ok: true, value: 5 });
      expect((await store.readStream(id, 3)).map((e) => e.seq)).toEqual([4, 5]);
      expect(await store.readStream(id, 5)).toEqual([]);
      expect(await store.readStream(id, 99)).toEqual([]);
    });

    it('reads nothing and version 0 for an unknown stream', async () => {
      const store = get();
      expect(await store.readStream(fresh('nobody'))).toEqual([]);
      expect(await store.version(fresh('nobody'))).toBe(0);
    });

    it('appends batches that follow on', async () => {
      const store = get();
      const id = fresh('batches');
      expect(await store.append(id, 'counter', added(1, 2), 0)).toEqual({ ok: true, value: 2 });
      expect(await store.append(id, 'counter', added(3, 3), 2)).toEqual({ ok: true, value: 5 });
      expect((await store.readStream(id)).map((e) => e.id)).toEqual(['item-1', 'item-2', 'item-3', 'item-4', 'item-5']);
    });

    it('accepts an empty batch at the current version and changes nothing', async () => {
      const store = get();
      const id = fresh('empty');
      expect(await store.append(id, 'counter', [], 0)).toEqual({ ok: true, value: 0 });
      await store.append(id, 'counter', added(1, 1), 0);
      expect(await store.append(id, 'counter', [], 1)).toEqual({ ok: true, value: 1 });
      expect(codes(await store.append(id, 'counter', [], 0))).toEqual(['core/version-conflict']);
      expect(await store.version(id)).toBe(1);
    });

    it('hands out frozen copies, never the appended objects', async () => {
      const store = get();
      const id = fresh('copies');
      const events = added(1, 1, { detail: { 地址: '人民路 1 号' } });
      await store.append(id, 'counter', events, 0);
      (events[0] as unknown as { detail: { 地址: string } }).detail.地址 = '改过了';
      const [read] = await store.readStream(id);
      expect(read).toMatchObject({ detail: { 地址: '人民路 1 号' } });
      expect(Object.isFrozen(read)).toBe(true);
      expect(Object.isFrozen((read as unknown as { detail: object }).detail)).toBe(true);
    });

    it('refuses a read position that is not a whole number of at least 0', async () => {
      const store = get();
      await expect(store.readStream('x', -1)).rejects.toThrow(/fromVersion/);
      await expect(store.readStream('x', 1.5)).rejects.toThrow(/fromVersion/);
    });
  });

  describe('refusals write nothing', () => {
    it('refuses a stale expected version with core/version-conflict', async () => {
      const store = get();
      const id = fresh('stale');
      await store.append(id, 'counter', added(1, 2), 0);
      const r = await store.append(id, 'counter', added(2, 2), 1);
      expect(r.ok).toBe(false);
      expect(r.errors?.[0]).toMatchObject({
        code: 'core/version-conflict',
        path: [],
        details: { expected: 1, actual: 2 },
      });
      expect(r.errors?.[0]?.message['zh-CN']).toContain('版本冲突');
      expect((await store.readStream(id)).map((e) => e.seq)).toEqual([1, 2]);
      expect((await store.readStream(id)).map((e) => e.id)).toEqual(['item-1', 'item-2']);
    });

    it('refuses an expected version ahead of the stream', async () => {
      const store = get();
      const id = fresh('ahead');
      const r = await store.append(id, 'counter', added(4, 1), 3);
      expect(r.errors?.[0]).toMatchObject({ code: 'core/version-conflict', details: { expected: 3, actual: 0 } });
      expect(await store.version(id)).toBe(0);
    });

    it('refuses events whose seq do not follow on, with core/sequence-gap at the first bad one', async () => {
      const store = get();
      const id = fresh('gap');
      const first = await store.append(id, 'counter', added(2, 2), 0);
      expect(first.errors).toHaveLength(1);
      expect(first.errors?.[0]).toMatchObject({
        code: 'core/sequence-gap',
        path: ['events', 0, 'seq'],
        details: { expected: 1, actual: 2 },
      });
      const broken = [...added(1, 1), ...added(3, 1)];
      expect((await store.append(id, 'counter', broken, 0)).errors?.[0]).toMatchObject({
        code: 'core/sequence-gap',
        path: ['events', 1, 'seq'],
      });
      expect(await store.readStream(id)).toEqual([]);
    });

    it('refuses appending to a stream of another kind with store/kind-mismatch', async () => {
      const store = get();
      const id = fresh('kind');
      await store.append(id, 'counter', added(1, 1), 0);
      const r = await store.append(id, 'loop', added(2, 1), 1);
      expect(r.errors?.[0]).toMatchObject({
        code: 'store/kind-mismatch',
        path: ['streamKind'],
        details: { streamId: id, stored: 'counter', given: 'loop' },
      });
      expect(await store.version(id)).toBe(1);
    });

    it('refuses an empty or oversized stream id with store/invalid-stream-id', async () => {
      const store = get();
      for (const bad of ['', 'x'.repeat(201), 'a\u0000b'])
        expect((await store.append(bad, 'counter', added(1, 1), 0)).errors?.[0]).toMatchObject({
          code: 'store/invalid-stream-id',
          path: ['streamId'],
        });
    });

    it('refuses an empty stream kind with store/invalid-stream-kind', async () => {
      const store = get();
      const id = fresh('nokind');
      expect((await store.append(id, '', added(1, 1), 0)).errors?.[0]).toMatchObject({
        code: 'store/invalid-stream-kind',
        path: ['streamKind'],
      });
      expect(await store.version(id)).toBe(0);
    });

    it('refuses a negative, fractional or oversized expected version with store/invalid-expected-version', async () => {
      const store = get();
      for (const bad of [-1, 0.5, Number.NaN, 2 ** 31])
        expect((await store.append(fresh('v'), 'counter', [], bad)).errors?.[0]).toMatchObject({
          code: 'store/invalid-expected-version',
          path: ['expectedVersion'],
        });
    });

    it('refuses events with missing or broken meta fields with store/invalid-event, one error per field', async () => {
      const store = get();
      const id = fresh('meta');
      const [good] = added(1, 1);
      const broken = { ...good, type: '', actor: 7, schemaVersion: 0 } as unknown as Recorded<CounterEvent>;
      const r = await store.append(id, 'counter', [broken], 0);
      expect(r.errors?.map((e) => [e.code, e.path])).toEqual([
        ['store/invalid-event', ['events', 0, 'type']],
        ['store/invalid-event', ['events', 0, 'actor']],
        ['store/invalid-event', ['events', 0, 'schemaVersion']],
      ]);
      const { at: _at, ...noAt } = good as Recorded<CounterEvent>;
      expect((await store.append(id, 'counter', [noAt as Recorded<CounterEvent>], 0)).errors?.[0]).toMatchObject({
        code: 'store/invalid-event',
        path: ['events', 0, 'at'],
      });
      expect(
        (await store.append(id, 'counter', [null as unknown as Recorded<CounterEvent>], 0)).errors?.[0],
      ).toMatchObject({
        code: 'store/invalid-event',
        path: ['events', 0],
      });
      expect(await store.version(id)).toBe(0);
    });

    it('refuses content JSON or jsonb cannot keep with store/unstorable-payload', async () => {
      const store = get();
      const id = fresh('json');
      const nul = await store.append(id, 'counter', added(1, 2, { note: 'a\u0000b' }), 0);
      expect(nul.errors?.[0]).toMatchObject({
        code: 'store/unstorable-payload',
        path: ['events', 0],
        details: { reason: 'nul-character' },
      });
      const big = await store.append(id, 'counter', [...added(1, 1), ...added(2, 1, { fine: BigInt(1) })], 0);
      expect(big.errors?.[0]).toMatchObject({
        code: 'store/unstorable-payload',
        path: ['events', 1],
        details: { reason: 'not-json' },
      });
      const broken = await store.append(id, 'counter', added(1, 1, { note: '半个字\ud800' }), 0);
      expect(broken.errors?.[0]).toMatchObject({
        code: 'store/unstorable-payload',
        path: ['events', 0],
        details: { reason: 'lone-surrogate' },
      });
      expect(await store.version(id)).toBe(0);
    });
  });

  describe('racing writers', () => {
    it(`lets exactly one of two writers win each of ${races} races; nothing lost or duplicated`, async () => {
      const store = get();
      const id = fresh('race');
      const winners: string[][] = [];
      let version = 0;
      for (let round = 0; round < races; round++) {
        // Batches of different lengths, so a half-written loser would show.
        const a = added(version + 1, 2, { writer: `A${round}` });
        const b = added(version + 1, 3, { writer: `B${round}` });
        const [ra, rb] = await Promise.all([
          store.append(id, 'counter', a, version),
          store.append(id, 'counter', b, version),
        ]);
        const won = [ra, rb].filter((r) => r.ok);
        const lost = [ra, rb].filter((r) => !r.ok);
        expect(won).toHaveLength(1);
        expect(lost.map(codes)).toEqual([['core/version-conflict']]);
        const batch = ra.ok ? a : b;
        expect(won[0]?.value).toBe(version + batch.length);
        expect(lost[0]?.errors?.[0]?.details).toEqual({ expected: version, actual: version + batch.length });
        winners.push(batch.map((e) => `${e.writer}:${e.seq}`));
        version += batch.length;
      }
      const stored = await store.readStream(id);
      const seqs = stored.map((e) => e.seq);
      expect(seqs).toEqual(Array.from({ length: version }, (_, i) => i + 1));
      expect(stored.map((e) => `${(e as unknown as { writer: string }).writer}:${e.seq}`)).toEqual(winners.flat());
    });

    it('lets one of five writers win a new stream and refuses the other four', async () => {
      const store = get();
      const id = fresh('five');
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((w) => store.append(id, 'counter', added(1, w, { writer: w }), 0)),
      );
      const won = results.filter((r) => r.ok);
      expect(won).toHaveLength(1);
      expect(results.filter((r) => !r.ok).flatMap(codes)).toEqual(Array(4).fill('core/version-conflict'));
      const stored = await store.readStream(id);
      expect(stored).toHaveLength(won[0]?.value ?? -1);
      expect(new Set(stored.map((e) => (e as unknown as { writer: number }).writer)).size).toBe(1);
    });
  });

  describe('reading a kind', () => {
    it('returns every stream of the kind, ordered by id, with all its events', async () => {
      const store = get();
      const kind = fresh('kind');
      const other = fresh('other');
      await store.append('站-乙', kind, added(1, 2), 0);
      await store.append('站-甲', kind, added(1, 1), 0);
      await store.append('站-丙', other, added(1, 3), 0);
      await store.append('站-丁', kind, added(1, 3), 0);
      const streams = await store.readKind(kind);
      // Compared in code-unit order, whatever the database's collation says about Chinese.
      const ids = ['站-乙', '站-甲', '站-丁'].sort();
      expect(streams.map((s) => s.streamId)).toEqual(ids);
      for (const s of streams) {
        expect(s.streamKind).toBe(kind);
        expect(s.events.map((e) => e.seq)).toEqual(Array.from({ length: s.version }, (_, i) => i + 1));
        expect(s.events).toEqual(await store.readStream(s.streamId));
      }
      expect(streams.map((s) => s.version)).toEqual(ids.map((id) => ({ '站-乙': 2, '站-甲': 1, '站-丁': 3 })[id]));
      expect(await store.readKind(fresh('none'))).toEqual([]);
    });
  });

  describe('JSON fidelity', () => {
    it('gives back Chinese text, nested objects, arrays and numbers exactly', async () => {
      const store = get();
      const id = fresh('fidelity');
      const payload = {
        title: '关于开展“一支部一品牌”创建工作的通知',
        unit: { name: { 'zh-CN': '市场监督管理局', en: 'Market Supervision Administration' }, level: 3 },
        findings: [
          { item: '食品经营许可证过期', points: -2.5, tags: ['食品', '许可'] },
          { item: '进货查验记录不全', points: 0.1, tags: [] },
        ],
        quotes: '他说："整改到位"\\ 反斜杠 \\u0000 字面',
        emoji: '党建引领 🚩 𠀀',
        flags: { closed: false, reviewed: true, note: null },
        numbers: [0, -1, 2 ** 53 - 1, 1e-7, 123456.789],
        empty: { list: [], map: {} },
      };
      const events = added(1, 1, payload);
      await store.append(id, 'counter', events, 0);
      expect(await store.readStream(id)).toEqual(events);
    });

    it('gives back any JSON content it accepted, equal to what was appended (property)', async () => {
      const store = get();
      const id = fresh('property');
      let version = 0;
      // Keys are prefixed so that no generated field shadows a meta field such as seq.
      const payload = fc.dictionary(
        fc.string({ unit: 'grapheme', maxLength: 8 }).map((k) => `k_${k}`),
        fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme' }),
        { maxKeys: 6 },
      );
      await fc.assert(
        fc.asyncProperty(payload, async (extra) => {
          const events = added(version + 1, 1, extra);
          const r = await store.append(id, 'counter', events, version);
          if (!r.ok) {
            // Only what PostgreSQL's jsonb cannot hold may be refused, and then as a value.
            expect(r.errors.map((e) => e.code)).toEqual(['store/unstorable-payload']);
            return;
          }
          version = r.value;
          // Equal to what JSON itself gives back (-0 becomes 0), and so to what was appended.
          expect(await store.readStream(id, version - 1)).toEqual(JSON.parse(JSON.stringify(events)));
        }),
        { numRuns: 40, seed: 8 },
      );
    });

    it('drops undefined fields, as JSON does', async () => {
      const store = get();
      const id = fresh('undef');
      await store.append(id, 'counter', added(1, 1, { gone: undefined }), 0);
      const [read] = await store.readStream(id);
      expect(read !== undefined && 'gone' in read).toBe(false);
    });
  });
}
