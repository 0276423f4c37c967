/** Deterministic generators for demo and benchmark data: the same seed gives the same estate. */

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤');
const GIVEN = Array.from('伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉鹏飞玉梅红兵海燕小红志强晓东春梅丹萍宇浩然子涵欣怡梓轩一诺思远佳怡雨桐俊杰');

export function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

export function chineseName(rand: () => number, surname?: string): string {
  const s = surname ?? pick(rand, SURNAMES);
  const len = rand() < 0.55 ? 2 : 1;
  let g = '';
  for (let i = 0; i < len; i++) g += pick(rand, GIVEN);
  return s + g;
}

const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '155', '157', '158', '159', '166', '177', '180', '181', '186', '187', '188', '189', '191', '199'];

export function mobile(rand: () => number): string {
  let s = pick(rand, MOBILE_PREFIXES);
  for (let i = 0; i < 8; i++) s += Math.floor(rand() * 10);
  return s;
}

/** A resident ID number with a correct GB 11643 check digit. */
export function idNumber(rand: () => number, birthYear: number): string {
  const region = pick(rand, ['110101', '310104', '440106', '440305', '330106', '510107']);
  const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
  const seq = String(Math.floor(rand() * 1000)).padStart(3, '0');
  const body = `${region}${birthYear}${month}${day}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = Array.from(body).reduce((acc, ch, i) => acc + Number(ch) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** Default warranty terms by item category (《建设工程质量管理条例》 minimums; configurable per project). */
export const DEFAULT_WARRANTY_TERMS = [
  { category: 'structure', label: '地基基础和主体结构', months: 600 },
  { category: 'waterproofing', label: '屋面防水、卫生间和外墙防渗漏', months: 60 },
  { category: 'plumbing', label: '给排水管道', months: 24 },
  { category: 'electrical', label: '电气管线', months: 24 },
  { category: 'heating', label: '供热与供冷系统', months: 24 },
  { category: 'equipment', label: '设备安装', months: 24 },
  { category: 'decoration', label: '装修工程', months: 24 },
  { category: 'fittings', label: '门窗五金及配件', months: 12 },
] as const;
