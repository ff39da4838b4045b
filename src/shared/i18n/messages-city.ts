// Field names of the city level's inputs (issue 13): a district's package for the city and the city's
// receiving (the city namespace, see field-labels.ts). Their problems are with the exchange's
// (EXCHANGE_FIELD_PROBLEMS), which the district and the city share.
import { labelTable } from './label-table';

export const CITY_FIELD_LABELS = labelTable({
  'zh-CN': {
    period: '月报期间',
    encryptTo: '市里的公钥文件',
    packageId: '报市数据包',
    folder: '文件夹',
    files: '区的数据包文件',
    districtCode: '区县代码',
    token: '上传令牌',
  },
  en: {
    period: 'Period',
    encryptTo: 'City key file',
    packageId: 'Package for the city',
    folder: 'Folder',
    files: 'District package files',
    districtCode: 'District code',
    token: 'Upload token',
  },
});
