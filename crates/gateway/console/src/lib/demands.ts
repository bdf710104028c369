// The kinds of demand (诉求类别) a resident or a grid worker chooses from, in the order shown:
// Chinese, English.
export const DEMAND_CATEGORIES: [string, string][] = [
  ['环境卫生', 'Cleanliness'], ['设施维修', 'Repairs'], ['邻里纠纷', 'Neighbours'], ['安全隐患', 'Safety'], ['其他', 'Other'],
];
