/** The OpenAPI 3.1 description of /api, served at /api/openapi.json. */
import { VERSION } from '../version.js';

const error = { $ref: '#/components/responses/Error' };
const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 }, description: '报告编号' };
const filters = [
  { name: 'year', in: 'query', schema: { type: 'string' }, description: '年度：2022、2021,2022 或 2019-2022' },
  { name: 'area', in: 'query', schema: { type: 'string' }, description: '地区名称或行政区划代码（含下辖地区）' },
  { name: 'kind', in: 'query', schema: { type: 'string', enum: ['人民政府', '部门', '乡镇', '街道', 'government', 'department', 'township', 'subdistrict'] } },
  { name: 'template', in: 'query', schema: { type: 'string', enum: ['2019', '2021'] } },
  { name: 'hasErrors', in: 'query', schema: { type: 'boolean' } },
  { name: 'rule', in: 'query', schema: { type: 'string' }, description: '有该规则发现的报告' },
];
const json = (schema: object, description = '成功') => ({ description, content: { 'application/json': { schema } } });
const upload = {
  required: true,
  content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'array', items: { type: 'string', format: 'binary' } } }, required: ['file'] } } },
};

export function openapi(): object {
  return {
    openapi: '3.1.0',
    info: {
      title: 'gongkai API',
      version: VERSION,
      description: '政府信息公开工作年度报告的读取、解析、检查、存储与汇总。单元格 id 见 spec/cells.md；报告模型见 docs/report-json.md。除 GET 外的请求须带 X-CSRF-Token 头（值来自 GET /api/session）。',
    },
    servers: [{ url: '/' }],
    components: {
      schemas: {
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string', description: '固定标识' }, message: { type: 'string', description: '中文说明' } } } } },
        Finding: {
          type: 'object',
          required: ['rule', 'severity', 'message', 'location'],
          properties: {
            rule: { type: 'string' },
            severity: { type: 'string', enum: ['error', 'warning', 'info'] },
            messageId: { type: 'string' },
            message: { type: 'string' },
            data: { type: 'object' },
            cells: { type: 'array', items: { type: 'string' } },
            quote: { type: 'string' },
            location: { type: ['object', 'null'] },
            expected: {},
            actual: {},
            hint: { type: 'string' },
          },
        },
        ReportRow: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            organId: { type: ['integer', 'null'] },
            organ: { type: ['string', 'null'] },
            year: { type: ['integer', 'null'] },
            template: { type: ['string', 'null'], enum: ['2019', '2021', null] },
            sourceName: { type: 'string' },
            format: { type: 'string' },
            publishedOn: { type: ['string', 'null'] },
            errors: { type: 'integer' },
            warnings: { type: 'integer' },
            infos: { type: 'integer' },
            importedAt: { type: 'string' },
            areaCode: { type: ['string', 'null'] },
            areaName: { type: ['string', 'null'] },
            kind: { type: ['string', 'null'] },
          },
        },
        Correction: {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            cellId: { type: 'string' },
            version: { type: 'integer' },
            previousValue: { type: ['number', 'null'] },
            previousStatus: { type: 'string' },
            value: { type: ['number', 'null'] },
            reason: { type: 'string' },
            author: { type: 'string' },
            createdAt: { type: 'string' },
          },
        },
      },
      responses: { Error: json({ $ref: '#/components/schemas/Error' }, '错误') },
    },
    paths: {
      '/api/session': {
        get: { summary: '当前用户与 CSRF 令牌', responses: { 200: json({ type: 'object' }) } },
        post: { summary: '登录（非本机地址时）', requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' }, password: { type: 'string' } } } } } }, responses: { 200: json({ type: 'object' }), 401: error } },
        delete: { summary: '退出登录', responses: { 200: json({ type: 'object' }) } },
      },
      '/api/check': { post: { summary: '检查文件但不保存', requestBody: upload, responses: { 200: json({ type: 'object', properties: { results: { type: 'array' } } }), 400: error, 413: error, 415: error } } },
      '/api/reports': {
        get: {
          summary: '报告列表或全文检索',
          parameters: [
            ...filters,
            { name: 'q', in: 'query', schema: { type: 'string' }, description: '在章节正文中检索的短语' },
            { name: 'sort', in: 'query', schema: { type: 'string', enum: ['id', 'year', 'organ', 'errors', 'warnings', 'imported'] } },
            { name: 'order', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'] } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200 } },
          ],
          responses: { 200: json({ type: 'object', properties: { total: { type: 'integer' }, items: { type: 'array', items: { $ref: '#/components/schemas/ReportRow' } }, hits: { type: 'array' } } }), 400: error },
        },
        post: { summary: '上传并保存报告（一个或多个文件，字段 file）', requestBody: upload, responses: { 201: json({ type: 'object', properties: { results: { type: 'array' } } }, '已保存'), 422: error, 413: error, 415: error } },
      },
      '/api/reports/{id}': { get: { summary: '报告模型、发现、更正、单位', parameters: [id], responses: { 200: json({ type: 'object' }), 404: error } } },
      '/api/reports/{id}/cells': { get: { summary: '全部单元格（值、状态、原文、位置、中文名称）', parameters: [id], responses: { 200: json({ type: 'object' }), 404: error } } },
      '/api/reports/{id}/findings': { get: { summary: '检查发现', parameters: [id], responses: { 200: json({ type: 'object', properties: { findings: { type: 'array', items: { $ref: '#/components/schemas/Finding' } } } }), 404: error } } },
      '/api/reports/{id}/source': { get: { summary: '原文的源文档（段落与表格，带位置）', parameters: [id], responses: { 200: json({ type: 'object' }), 404: error } } },
      '/api/reports/{id}/original': { get: { summary: '下载原文件', parameters: [id], responses: { 200: { description: '原文件' }, 404: error } } },
      '/api/reports/{id}/corrections': {
        get: { summary: '更正记录', parameters: [id], responses: { 200: json({ type: 'object', properties: { corrections: { type: 'array', items: { $ref: '#/components/schemas/Correction' } } } }) } },
        post: {
          summary: '更正一个单元格（原值保留，版本递增，规则重新运行）',
          parameters: [id],
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['cell', 'value', 'reason'], properties: { cell: { type: 'string' }, value: { type: 'number' }, reason: { type: 'string' } } } } } },
          responses: { 201: json({ type: 'object' }, '已更正'), 400: error, 403: error, 404: error },
        },
      },
      '/api/organs/{id}': { get: { summary: '一个单位的历年报告、指标与跨年度发现', parameters: [{ ...id, description: '单位编号' }], responses: { 200: json({ type: 'object' }), 404: error } } },
      '/api/compare': {
        get: {
          summary: '两份报告对比：变化的单元格、逐句文字差异与重复率',
          parameters: [
            { name: 'a', in: 'query', required: true, schema: { type: 'integer' } },
            { name: 'b', in: 'query', required: true, schema: { type: 'integer' } },
          ],
          responses: { 200: json({ type: 'object' }), 404: error },
        },
      },
      '/api/rollup': {
        get: {
          summary: '地区、年度汇总：合计、指标、排名、缺报单位（口径见 docs/statistics.md）',
          parameters: [{ name: 'year', in: 'query', required: true, schema: { type: 'integer' } }, filters[1], filters[2]],
          responses: { 200: json({ type: 'object' }), 400: error },
        },
      },
      '/api/export': {
        get: {
          summary: '导出所选报告',
          parameters: [...filters, { name: 'format', in: 'query', schema: { type: 'string', enum: ['csv', 'xlsx', 'jsonl'] } }, { name: 'layout', in: 'query', schema: { type: 'string', enum: ['wide', 'long'] } }],
          responses: { 200: { description: '文件' }, 400: error },
        },
      },
      '/api/drafts': {
        get: { summary: '草稿列表（非管理员只见自己的）', responses: { 200: json({ type: 'object' }) } },
        post: { summary: '保存草稿（body: {id?, data}，data 为报告数据文件）', responses: { 201: json({ type: 'object' }), 200: json({ type: 'object' }), 400: error, 404: error } },
      },
      '/api/drafts/new': {
        get: {
          summary: '新报告的数据文件：全部单元格为 0，上年结转等沿用库中上一年度报告，附填写提示',
          parameters: [
            { name: 'organ', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'year', in: 'query', required: true, schema: { type: 'integer' } },
            { name: 'template', in: 'query', schema: { type: 'string', enum: ['2019', '2021'] } },
          ],
          responses: { 200: json({ type: 'object' }), 400: error },
        },
      },
      '/api/drafts/{id}': { get: { summary: '一份草稿', parameters: [{ ...id, description: '草稿编号' }], responses: { 200: json({ type: 'object' }), 404: error } } },
      '/api/render': {
        post: {
          summary: '把报告数据文件画成统一格式的报告（单元格不全时拒绝）',
          parameters: [{ name: 'to', in: 'query', schema: { type: 'string', enum: ['docx', 'html', 'md', 'txt'] } }],
          requestBody: { required: true, content: { 'application/json': { schema: { description: 'schemas/report-data.schema.json' } } } },
          responses: { 200: { description: '文件' }, 422: error },
        },
      },
      '/api/audit-log': { get: { summary: '审计日志（管理员）', responses: { 200: json({ type: 'object' }), 403: error } } },
      '/api/health': { get: { summary: '健康检查', responses: { 200: json({ type: 'object' }) } } },
    },
  };
}
