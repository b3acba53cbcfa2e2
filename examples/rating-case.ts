/**
 * One Dalian station's three-star case (大连, 2023: 申报推荐 → 审核材料 → 实地考察 → 反馈意见 → 党组会议研究 → 公示
 * → 授牌), and a four-star case refused because the city bureau, not the province, tried to award it.
 */
import { execute, fixedContext, type Instant, type IsoDate, label, unwrap, withContext } from 'shijian/core';
import { parseDirectory } from 'shijian/org';
import {
  caseTimeline,
  createRatingCaseDecider,
  getRatingCase,
  type RatingCaseCommand,
  ratingCaseStatusLabels,
  starLabels,
} from 'shijian/rating';
import { isMain, table } from './_print.js';

const unit = (id: string, kind: string, level: number, zh: string, parentId?: string) => ({
  id,
  kind,
  level,
  code: id,
  name: { 'zh-CN': zh },
  validFrom: '2019-01-01',
  ...(parentId ? { parentId } : {}),
});

export function main(): void {
  const directory = unwrap(
    parseDirectory({
      units: [
        unit('samr', 'administration', 1, '国家市场监督管理总局'),
        unit('ln', 'provincial-bureau', 2, '辽宁省市场监督管理局', 'samr'),
        unit('dl', 'municipal-bureau', 3, '大连市市场监督管理局', 'ln'),
        unit('dl-xg', 'county-bureau', 4, '西岗区市场监督管理局', 'dl'),
        unit('st-baiyun', 'station', 4, '白云街道市场监管所', 'dl-xg'),
      ],
    }),
  );
  const decider = createRatingCaseDecider({ directory });
  const ctx = fixedContext({ actor: '市局人事处' });
  const on = (day: IsoDate) => withContext(ctx, { now: `${day}T09:00:00+08:00` as Instant });
  let state = decider.initialState;
  const run = (day: IsoDate, command: RatingCaseCommand) => {
    const r = execute(decider, state, command, on(day));
    if (r.ok) state = r.value.state;
    return r;
  };

  const steps: [IsoDate, RatingCaseCommand][] = [
    ['2023-09-04', { type: 'apply', caseId: 'dl-3s-01', unitId: 'st-baiyun', star: 3, recommendedBy: 'dl-xg' }],
    ['2023-09-15', { type: 'review-materials', caseId: 'dl-3s-01', passed: true, note: '申报材料齐全' }],
    ['2023-10-17', { type: 'inspect-on-site', caseId: 'dl-3s-01', passed: true, note: '对照三星所指标体系逐项考察' }],
    ['2023-10-24', { type: 'give-feedback', caseId: 'dl-3s-01', feedback: '执法档案需按年度归档' }],
    ['2023-11-21', { type: 'decide-at-meeting', caseId: 'dl-3s-01', approved: true, note: '市局党组会议研究通过' }],
    ['2023-11-22', { type: 'start-notice', caseId: 'dl-3s-01', days: 5 }],
    ['2023-11-23', { type: 'raise-objection', caseId: 'dl-3s-01', objectionId: 'ob-1', text: '反映窗口午间无人值守' }],
    [
      '2023-11-27',
      {
        type: 'resolve-objection',
        caseId: 'dl-3s-01',
        objectionId: 'ob-1',
        upheld: false,
        note: '经核实已实行午间轮值',
      },
    ],
  ];
  for (const [day, command] of steps) unwrap(run(day, command));

  const early = run('2023-11-29', { type: 'award', caseId: 'dl-3s-01', awardingUnitId: 'dl', awardingLevel: 3 });
  console.log(`公示期内授牌被拒绝：${early.ok ? '—' : early.errors[0]?.message['zh-CN']}`);
  unwrap(
    run('2024-01-19', {
      type: 'award',
      caseId: 'dl-3s-01',
      awardingUnitId: 'dl',
      awardingLevel: 3,
      recheckEveryMonths: 12,
    }),
  );

  const c = getRatingCase(state, 'dl-3s-01');
  console.log(
    `\n${c?.unitId} ${c ? label(starLabels, `${c.star}`) : ''}评定 — ${c ? label(ratingCaseStatusLabels, c.status) : ''}`,
  );
  table(caseTimeline(state, 'dl-3s-01').map((r) => ({ 日期: r.on, 环节: r.stepLabel, 经办: r.actor, 说明: r.note })));

  // The next year the station goes for four stars; the city bureau may not award them.
  for (const [day, command] of [
    ['2024-09-02', { type: 'apply', caseId: 'dl-4s-01', unitId: 'st-baiyun', star: 4, recommendedBy: 'dl' }],
    ['2024-09-10', { type: 'review-materials', caseId: 'dl-4s-01', passed: true }],
    ['2024-10-15', { type: 'inspect-on-site', caseId: 'dl-4s-01', passed: true }],
    ['2024-10-22', { type: 'give-feedback', caseId: 'dl-4s-01', feedback: '无' }],
    ['2024-11-19', { type: 'decide-at-meeting', caseId: 'dl-4s-01', approved: true }],
    ['2024-11-20', { type: 'start-notice', caseId: 'dl-4s-01', days: 5 }],
  ] as [IsoDate, RatingCaseCommand][])
    unwrap(run(day, command));
  const wrong = run('2024-12-02', { type: 'award', caseId: 'dl-4s-01', awardingUnitId: 'dl', awardingLevel: 2 });
  console.log('\n四星所由市局授牌：');
  table(
    (wrong.ok ? [] : wrong.errors).map((e) => ({ 错误码: e.code, 字段: e.path.join('.'), 说明: e.message['zh-CN'] })),
  );
}

if (isMain(import.meta.url)) main();
