/**
 * What the national format asks each written section to cover (spec/template.md §2.2), as the
 * guidance a new report starts with. Each point stands in 【填写提示：…】 so that the
 * `guidance-left` rule finds any that were not replaced.
 */
import type { TemplateId } from './types.js';

export const GUIDANCE_OPEN = '【填写提示：';
export const GUIDANCE_CLOSE = '】';

const g = (text: string) => `${GUIDANCE_OPEN}${text}${GUIDANCE_CLOSE}`;

/** Guidance paragraphs by section number (1, 5, 6; the table sections need none). */
export function sectionGuidance(template: TemplateId, options: { government: boolean }): Record<number, string[]> {
  const overview =
    template === '2021'
      ? [
          g('概述本年度贯彻落实《政府信息公开条例》的总体情况，分五个方面写：'),
          `（一）主动公开 ${g('主动公开的重点领域、发布的信息数量和渠道')}`,
          `（二）依申请公开 ${g('收到和办理申请的总体情况，办理时限和答复规范')}`,
          `（三）政府信息管理 ${g('信息发布审查、规范性文件清理、公开目录和指南更新等')}`,
          `（四）政府信息公开平台建设 ${g('政府网站公开专栏、政务新媒体、公开查阅点等')}`,
          `（五）监督保障 ${g(options.government ? '组织领导、培训、考核评议，以及工作考核、社会评议和责任追究结果情况' : '组织领导、培训、监督检查等')}`,
        ]
      : [g('概述本年度政府信息公开工作的总体情况：主动公开、依申请公开、政府信息管理、平台建设、监督保障等')];
  const problems = [
    g('存在的主要问题（具体写，不写套话）'),
    g('改进情况和下一步措施'),
    g('上一年度年报所列问题的整改情况'),
  ];
  const other = [
    ...(template === '2021' ? [g('按照《政府信息公开信息处理费管理办法》收取信息处理费的情况：发出收费通知的件数和总金额、实际收取的总金额；未收取的，写明“本年度未收取信息处理费”')] : []),
    ...(options.government && template === '2021' ? [g('落实上级年度政务公开工作要点情况；人大代表建议和政协提案办理结果公开情况；年度政务公开工作创新情况')] : []),
    g('其他需要报告的事项；没有的，写“无”'),
  ];
  return { 1: overview, 5: problems, 6: other };
}
