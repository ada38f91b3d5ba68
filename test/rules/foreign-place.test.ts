import { describe } from 'vitest';
import { areaIndex } from '../../src/area/load.js';
import { rule } from '../../src/rules/foreign-place.js';
import { buildReport, fixtureCase, fixtureWith, ruleTester, type Case } from '../helpers/rule-tester.js';

describe('foreign-place', async () => {
  const areas = areaIndex();
  const withAreas = (c: Case): Case => ({ ...c, options: { ...c.options, areas } });
  ruleTester(rule, {
    valid: [
      withAreas(await fixtureCase('township-buhai-2020', '布海镇 (德惠市, 长春市)')),
      withAreas(await fixtureCase('subdistrict-chuankou-2020', '船口街道 names 哈尔滨市 and 松北区, its own')),
      withAreas(await fixtureCase('shuyang-fgj-2023-docx', '沭阳县发改局: the towns of 沭阳县 are inside its area')),
      withAreas(await fixtureCase('township-liuhe-2022')),
      withAreas(await fixtureWith('township-buhai-2020', 'the parent county and city by name', (t) => t.replace('结合本镇工作实际', '按照长春市和德惠市的要求，结合本镇工作实际'))),
      withAreas(await fixtureWith('township-buhai-2020', 'another town inside the title of a document', (t) => t.replace('结合本镇工作实际', '参照《德惠市朱城子镇政务公开工作方案》，结合本镇工作实际'))),
      withAreas(await fixtureWith('township-buhai-2020', 'a province is never foreign', (t) => t.replace('结合本镇工作实际', '学习浙江省的做法，结合本镇工作实际'))),
      { name: 'nothing is checked when the organ cannot be placed', report: buildReport({ organ: '某某镇人民政府', texts: { 1: ['德惠市朱城子镇开展了工作。'] } }), options: { areas } },
    ],
    invalid: [
      {
        ...withAreas(await fixtureWith('township-buhai-2020', 'a neighbouring town of 德惠市 left in the text, twice', (t) => t.replace(/结合本镇工作实际/, '结合朱城子镇工作实际').replace('（一）设立组织机构。', '（一）设立组织机构。朱城子镇'))),
        errors: [{ messageId: 'foreign', data: { name: '朱城子镇', times: '（共出现 2 次）' } }],
      },
      {
        ...withAreas(await fixtureWith('township-dayong-2020', 'another district of 哈尔滨 named as the organ\'s place', (t) => t.replace('在总结我局', '在总结道里区'))),
        errors: [{ messageId: 'foreign', data: { name: '道里区', where: '黑龙江省哈尔滨市道里区' } }],
      },
    ],
  });
});
