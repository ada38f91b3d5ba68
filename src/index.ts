export * from './template/index.js';
export * from './document/model.js';
export * from './diagnostics/types.js';
export { readText, extractText, decodeText } from './formats/text/index.js';
export { parseDocument, PARSER_VERSION, type ParsedReport, type Report, type CellValue, type Section } from './parse/index.js';
