import { SAMPLE_INDUSTRIES } from '../../core/sample-data/industries';
import { pick, type Locale } from '../../core/i18n/locale';

/**
 * Word pools of the demo workbook, one set per language, so a Chinese demo reads like a
 * Chinese team's sheet (company names 上海恒通精密制造有限公司, people 王芳) and an English one
 * like an international team's. Every name is made up; domains use the reserved `.example` TLD.
 */
export interface DemoWords {
  /** The selling company: its mail domain, the sender name and its sales director. */
  readonly domain: string;
  readonly senderName: string;
  readonly director: string;
  /** Owners: [display name, mailbox]. */
  readonly owners: readonly (readonly [string, string])[];
  readonly companyHeads: readonly string[];
  readonly companyCores: readonly string[];
  readonly companyTails: readonly string[];
  readonly industries: readonly string[];
  readonly regions: readonly (readonly [string, readonly string[]])[];
  readonly streets: readonly string[];
  /** Given name, family name; [text, romanised for the mailbox]. */
  readonly given: readonly (readonly [string, string])[];
  readonly family: readonly (readonly [string, string])[];
  readonly fullName: (given: string, family: string) => string;
  readonly titles: readonly string[];
  readonly products: readonly (readonly [string, number])[];
  readonly summaries: readonly string[];
  readonly nextSteps: readonly string[];
  readonly tasks: readonly string[];
  readonly outcomes: readonly string[];
  readonly challenges: readonly string[];
  readonly goals: readonly string[];
  /** Opportunity names: `{product}` is replaced by a product. */
  readonly deals: readonly string[];
  readonly lostReasons: readonly string[];
  readonly requirements: readonly string[];
  readonly propositions: readonly string[];
  readonly notes: readonly string[];
  readonly returnNote: string;
  /** A birthday with no year, as people type it (`03-14`, `3月14日`). */
  readonly monthDay: (m: number, d: number) => string;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

const EN: DemoWords = {
  domain: 'acme-industrial.example',
  senderName: 'Acme Key Account Reminders',
  director: 'sales.director',
  owners: [
    ['Emma Clarke', 'emma.clarke'],
    ['Li Wei', 'li.wei'],
    ['Jonas Becker', 'jonas.becker'],
    ['Priya Nair', 'priya.nair'],
    ['Tom Hughes', 'tom.hughes'],
    ['Sofia Rossi', 'sofia.rossi'],
    ['Chen Jing', 'chen.jing'],
    ['Marco Silva', 'marco.silva'],
    ['Hannah Weber', 'hannah.weber'],
    ['Daniel Kim', 'daniel.kim'],
  ],
  companyHeads: [
    'Northwind',
    'Bluewater',
    'Summit',
    'Pacific',
    'Evergreen',
    'Silverline',
    'Golden Bridge',
    'Meridian',
    'Harbor',
    'Redwood',
    'Lotus',
    'Orient',
    'Alpine',
    'Crescent',
    'Pioneer',
    'Yangtze',
    'Pearl River',
    'Nordlicht',
    'Keystone',
    'Sunrise',
  ],
  companyCores: [
    'Precision',
    'Logistics',
    'Medical Devices',
    'Foods',
    'Electronics',
    'Chemicals',
    'Automotive Parts',
    'Packaging',
    'Textiles',
    'Machinery',
    'Energy Systems',
    'Retail Group',
  ],
  companyTails: ['Ltd', 'Co., Ltd', 'GmbH', 'Inc.', 'Group', 'AG', 'LLC'],
  industries: SAMPLE_INDUSTRIES.en,
  regions: [
    ['East China', ['Shanghai', 'Suzhou', 'Hangzhou', 'Ningbo']],
    ['North China', ['Beijing', 'Tianjin', 'Qingdao']],
    ['South China', ['Shenzhen', 'Guangzhou', 'Xiamen']],
    ['West China', ['Chengdu', 'Chongqing', "Xi'an"]],
    ['APAC', ['Singapore', 'Tokyo', 'Seoul']],
    ['EMEA', ['Munich', 'Milan', 'Rotterdam']],
  ],
  streets: [
    'Industrial Road',
    'Science Park Avenue',
    'Harbour Street',
    'Innovation Drive',
    'Lakeside Boulevard',
  ],
  given: [
    ['Anna', 'anna'],
    ['Max', 'max'],
    ['Wei', 'wei'],
    ['Lucas', 'lucas'],
    ['Mia', 'mia'],
    ['Ethan', 'ethan'],
    ['Olivia', 'olivia'],
    ['Jun', 'jun'],
    ['Sara', 'sara'],
    ['David', 'david'],
    ['Yuki', 'yuki'],
    ['Laura', 'laura'],
    ['Ben', 'ben'],
    ['Nina', 'nina'],
    ['Omar', 'omar'],
    ['Grace', 'grace'],
  ],
  family: [
    ['Zhang', 'zhang'],
    ['Müller', 'mueller'],
    ['Smith', 'smith'],
    ['Wang', 'wang'],
    ['Rossi', 'rossi'],
    ['Tanaka', 'tanaka'],
    ['Johnson', 'johnson'],
    ['Liu', 'liu'],
    ['Schmidt', 'schmidt'],
    ['Brown', 'brown'],
    ['Garcia', 'garcia'],
    ['Chen', 'chen'],
  ],
  fullName: (g, f) => `${g} ${f}`,
  titles: [
    'Purchasing Manager',
    'CEO',
    'Plant Manager',
    'Head of Engineering',
    'CFO',
    'Quality Manager',
    'Buyer',
    'Operations Director',
  ],
  products: [
    ['Sensor S1', 120],
    ['Sensor S2', 180],
    ['Controller C5', 950],
    ['Valve V10', 310],
    ['Pump P3', 2400],
    ['Service Plan', 5000],
    ['Spare Parts Kit', 45],
    ['Installation', 800],
    ['Operator Training', 1500],
    ['Software Licence', 3000],
  ],
  summaries: [
    'Quarterly business review',
    'Price negotiation for next year',
    'Delivery delay discussed',
    'New project kick-off',
    'Technical support visit',
    'Contract renewal',
    'Plant tour with the buyer',
    'Sample feedback',
  ],
  nextSteps: [
    'Send quotation',
    'Arrange product demo',
    'Follow up on delivery',
    'Share case study',
    'Prepare contract draft',
    '',
  ],
  tasks: [
    'Prepare annual account plan',
    'Send renewal offer',
    'Resolve invoice dispute',
    'Organise site visit',
    'Collect satisfaction feedback',
    'Introduce new product line',
    'Arrange executive meeting',
  ],
  outcomes: ['Offer accepted', 'Meeting held', 'Issue resolved', 'Postponed by customer', ''],
  challenges: [
    'Price pressure from local competitors',
    'Long approval cycles',
    'Quality claims last year',
    'Budget freeze in H1',
  ],
  goals: [
    'Grow share of wallet',
    'Win the new plant in 2026',
    'Move to a framework contract',
    'Cross-sell service plans',
  ],
  deals: [
    '{product} for the new line',
    '{product} framework renewal',
    '{product} upgrade',
    '{product} for the second plant',
    'Service contract extension',
  ],
  lostReasons: ['Price', 'Chose a local competitor', 'Project postponed', 'Budget cut'],
  requirements: ['Bilingual invoices', 'Delivery within 48 h', 'Local spare-parts stock', ''],
  propositions: [
    'Local service within 24 h',
    'Lowest total cost of ownership',
    'Certified quality for medical use',
    'One supplier for the whole line',
  ],
  notes: [
    'Prefers WeChat over email',
    'Decision in Q4',
    'Visit together with engineering',
    'Key reference customer',
  ],
  returnNote: 'Return / credit note',
  monthDay: (m, d) => `${pad2(m)}-${pad2(d)}`,
};

const ZH: DemoWords = {
  domain: 'huaxing-industrial.example',
  senderName: '华星工业大客户提醒',
  director: 'xiaoshou.zongjian',
  owners: [
    ['王芳', 'wang.fang'],
    ['李强', 'li.qiang'],
    ['张伟', 'zhang.wei'],
    ['刘洋', 'liu.yang'],
    ['陈静', 'chen.jing'],
    ['杨磊', 'yang.lei'],
    ['赵敏', 'zhao.min'],
    ['黄涛', 'huang.tao'],
    ['周婷', 'zhou.ting'],
    ['吴刚', 'wu.gang'],
  ],
  companyHeads: [
    '上海',
    '苏州',
    '杭州',
    '宁波',
    '北京',
    '天津',
    '青岛',
    '深圳',
    '广州',
    '厦门',
    '成都',
    '重庆',
    '武汉',
    '南京',
    '无锡',
    '西安',
  ],
  companyCores: [
    '恒通',
    '瑞丰',
    '金桥',
    '华东',
    '京华',
    '长江',
    '珠江',
    '东方',
    '海天',
    '中联',
    '新纪元',
    '宏达',
    '鼎盛',
    '万通',
    '凯特',
    '博远',
  ],
  companyTails: [
    '精密制造有限公司',
    '物流有限公司',
    '医疗器械有限公司',
    '食品有限公司',
    '电子科技有限公司',
    '化工有限公司',
    '汽车零部件有限公司',
    '包装材料有限公司',
    '机械设备有限公司',
    '能源科技有限公司',
  ],
  industries: SAMPLE_INDUSTRIES.zh,
  regions: [
    ['华东', ['上海市浦东新区', '苏州市工业园区', '杭州市滨江区', '宁波市北仑区']],
    ['华北', ['北京市亦庄经济开发区', '天津市滨海新区', '青岛市黄岛区']],
    ['华南', ['深圳市南山区', '广州市黄埔区', '厦门市海沧区']],
    ['西南', ['成都市高新区', '重庆市两江新区']],
    ['华中', ['武汉市东湖高新区', '长沙市经开区']],
  ],
  streets: ['科技路', '创新大道', '工业园路', '滨江大道', '金桥路'],
  given: [
    ['芳', 'fang'],
    ['强', 'qiang'],
    ['伟', 'wei'],
    ['洋', 'yang'],
    ['静', 'jing'],
    ['磊', 'lei'],
    ['敏', 'min'],
    ['涛', 'tao'],
    ['婷', 'ting'],
    ['刚', 'gang'],
    ['丽', 'li'],
    ['军', 'jun'],
    ['雪', 'xue'],
    ['斌', 'bin'],
    ['慧', 'hui'],
    ['晨', 'chen'],
  ],
  family: [
    ['王', 'wang'],
    ['李', 'li'],
    ['张', 'zhang'],
    ['刘', 'liu'],
    ['陈', 'chen'],
    ['杨', 'yang'],
    ['赵', 'zhao'],
    ['黄', 'huang'],
    ['周', 'zhou'],
    ['吴', 'wu'],
    ['徐', 'xu'],
    ['孙', 'sun'],
  ],
  fullName: (g, f) => `${f}${g}`,
  titles: [
    '采购经理',
    '总经理',
    '厂长',
    '技术总监',
    '财务总监',
    '质量经理',
    '采购专员',
    '运营总监',
  ],
  products: [
    ['传感器 S1', 850],
    ['传感器 S2', 1280],
    ['控制器 C5', 6800],
    ['阀门 V10', 2200],
    ['泵 P3', 17000],
    ['年度维保服务', 36000],
    ['备件包', 320],
    ['安装调试', 5600],
    ['操作培训', 10500],
    ['软件许可', 21000],
  ],
  summaries: [
    '季度业务回顾',
    '明年价格谈判',
    '沟通交货延迟',
    '新项目启动会',
    '技术支持拜访',
    '年度合同续签',
    '陪同采购参观工厂',
    '样品反馈',
  ],
  nextSteps: ['发送报价单', '安排产品演示', '跟进交货', '分享成功案例', '准备合同草案', ''],
  tasks: [
    '制定年度客户计划',
    '发送续约方案',
    '处理发票争议',
    '安排现场拜访',
    '收集满意度反馈',
    '介绍新产品线',
    '安排高层会面',
  ],
  outcomes: ['方案已接受', '会议已召开', '问题已解决', '客户要求延期', ''],
  challenges: ['本地竞争对手价格压力大', '审批周期长', '去年有质量投诉', '上半年预算冻结'],
  goals: ['提升钱包份额', '拿下 2026 年新工厂项目', '签订框架协议', '交叉销售维保服务'],
  deals: [
    '{product} 新产线项目',
    '{product} 框架协议续签',
    '{product} 升级改造',
    '二期工厂 {product}',
    '维保合同续约',
  ],
  lostReasons: ['价格', '选择了本地竞争对手', '项目推迟', '预算削减'],
  requirements: ['需开具中英文发票', '48 小时内交货', '本地备件库存', ''],
  propositions: ['24 小时本地服务响应', '总拥有成本最低', '医疗级质量认证', '整线一站式供应'],
  notes: ['更习惯微信沟通', '第四季度决策', '需与技术部一同拜访', '重点标杆客户'],
  returnNote: '退货 / 红字发票',
  monthDay: (m, d) => `${m}月${d}日`,
};

export function demoWords(locale: Locale): DemoWords {
  return pick({ en: EN, zh: ZH }, locale);
}
