/** Industries the sample workbooks and the test-data generator draw from, per language. */
export const SAMPLE_INDUSTRIES = {
  en: [
    'Manufacturing',
    'Logistics',
    'Healthcare',
    'Food & Beverage',
    'Electronics',
    'Chemicals',
    'Automotive',
    'Retail',
    'Energy',
  ],
  zh: ['制造业', '物流', '医疗器械', '食品饮料', '电子', '化工', '汽车', '零售', '能源'],
} as const;
