// The look: antd's default algorithm, Party red as the accent, system CJK fonts, compact radii.
import type { ThemeConfig } from 'antd';

export const PARTY_RED = '#C8102E';

export const THEME: ThemeConfig = {
  token: {
    colorPrimary: PARTY_RED,
    colorLink: PARTY_RED,
    colorError: '#d4380d',
    borderRadius: 4,
    fontSize: 14,
    fontFamily:
      '-apple-system, "Segoe UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif',
    colorBgLayout: '#f3f4f6',
    colorTextBase: '#1f2329',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 56, headerPadding: '0 20px' },
    Menu: { itemHeight: 42, itemBorderRadius: 4, itemSelectedBg: '#fbeaec', itemMarginInline: 8 },
    Table: { headerBg: '#f7f8fa', headerColor: '#4e5969', cellPaddingBlockSM: 7 },
    Card: { headerFontSize: 15 },
    Tabs: { horizontalItemPadding: '12px 2px' },
  },
};
