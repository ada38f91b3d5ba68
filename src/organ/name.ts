/**
 * Matching organs across files by name: the same 镇 writes “红旗满族乡”, “红旗满族乡人民政府”,
 * or puts its city in front. The key drops what varies and keeps what names the organ.
 */
export function organKey(name: string | null | undefined): string | null {
  if (!name) return null;
  let n = name.normalize('NFKC').replace(/\s+/g, '').replace(/[（(][^）)]*[）)]/g, '');
  // the higher levels written in front: 黑龙江省哈尔滨市松北区船口街道 → 松北区船口街道
  n = n.replace(/^.{2,8}?(省|自治区)(?=.{2,})/, '');
  n = n.replace(/^.{2,6}?市(?=.{2,}(区|县|旗|市))/, '');
  n = n.replace(/(人民政府|政府)(办公室|办公厅)$/, '政府$2');
  n = n.replace(/(人民政府|政府|办事处|管委会|管理委员会)$/, '');
  return n.length >= 2 ? n : null;
}
