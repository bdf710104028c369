// Colours chosen for WCAG AA (4.5:1 for text): antd's default blue (#1677ff) and secondary
// grey (45% black) fall short on white.
export const theme = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    // Hover and press darken rather than lighten, so the text stays above 4.5:1.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLinkHover: '#003eb3',
    colorError: '#c41d24',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.56)',
    fontFamily:
      "-apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
};

/** Residents: large type and large targets (many are over 70). */
export const residentTheme = {
  token: { fontSize: 20, controlHeight: 52, controlHeightLG: 60, fontSizeHeading3: 28 },
};
