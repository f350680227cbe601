/**
 * The Chinese and English labels of every enumeration of DESIGN §3, as plain data (no zod): enums.ts
 * builds the schemas from them, and the admin SPA imports them alone (`@jiandu/shared/labels`) where a
 * screen needs only labels, so its first route does not carry the schema library.
 */

export const UNIT_KIND_LABELS = {
  city: { zh: '市', en: 'City' },
  county: { zh: '县/区', en: 'County' },
  township: { zh: '乡镇', en: 'Township' },
  department: { zh: '部门', en: 'Department' },
  village: { zh: '村', en: 'Village' },
} as const;

export const POST_KIND_LABELS = {
  principal: { zh: '主要负责人', en: 'Principal leader' },
  deputy_in_charge: { zh: '分管负责人', en: 'Deputy in charge' },
} as const;

/** Problem categories: fund misuse (001, 003) and work style (002), plus idle funds (资金趴账, 001). */
export const PROBLEM_CATEGORY_LABELS = {
  diverting: { zh: '挤占', en: 'Diverting funds' },
  misappropriating: { zh: '挪用', en: 'Misappropriating funds' },
  withholding: { zh: '截留', en: 'Withholding funds' },
  embezzling: { zh: '贪污', en: 'Embezzling' },
  false_claims: { zh: '虚报冒领', en: 'False claims' },
  withholding_sharing: { zh: '截留私分', en: 'Withholding and sharing out' },
  squandering: { zh: '挥霍浪费', en: 'Squandering' },
  idle_funds: { zh: '资金趴账', en: 'Idle funds' },
  formalism: { zh: '形式主义', en: 'Formalism' },
  bureaucratism: { zh: '官僚主义', en: 'Bureaucratism' },
  inaction: { zh: '不作为', en: 'Inaction' },
  slow_action: { zh: '慢作为', en: 'Slow action' },
  vagueness: { zh: '大概先生、基本掌柜', en: 'Vagueness' },
  policy: { zh: '政策落实', en: 'Policy implementation' },
  other: { zh: '其他', en: 'Other' },
} as const;

export const FINDING_SEVERITY_LABELS = {
  general: { zh: '一般', en: 'General' },
  serious: { zh: '较重', en: 'Serious' },
  grave: { zh: '严重', en: 'Grave' },
} as const;

export const FINDING_SOURCE_LABELS = {
  inspection: { zh: '督查巡查', en: 'Inspection tour' },
  unannounced: { zh: '明察暗访', en: 'Unannounced visit' },
  audit: { zh: '审计', en: 'Audit' },
  third_party: { zh: '第三方评估', en: 'Third-party evaluation' },
  self_check: { zh: '自查自纠', en: 'Self-inspection' },
  petition: { zh: '信访转办', en: 'Referred petition' },
  opinion: { zh: '舆情转办', en: 'Referred opinion' },
} as const;

export const PETITION_CHANNEL_LABELS = {
  letter: { zh: '来信', en: 'Letter' },
  visit: { zh: '来访', en: 'Visit' },
  online: { zh: '网上信访', en: 'Online' },
  hotline_12345: { zh: '12345热线', en: 'Hotline 12345' },
  hotline_12317: { zh: '12317扶贫监督举报', en: 'Hotline 12317' },
} as const;

/** Government levels, lowest first: the order escalation is measured on (DESIGN §4.3). */
export const GOV_LEVEL_LABELS = {
  village: { zh: '村', en: 'Village' },
  township: { zh: '乡镇', en: 'Township' },
  county: { zh: '县', en: 'County' },
  city: { zh: '市', en: 'City' },
  province: { zh: '省', en: 'Province' },
  national: { zh: '国家', en: 'National' },
} as const;

export const PETITION_STATE_LABELS = {
  received: { zh: '已登记', en: 'Received' },
  accepted: { zh: '已受理', en: 'Accepted' },
  not_accepted: { zh: '不予受理', en: 'Not accepted' },
  handled: { zh: '已办理', en: 'Handled' },
  closed: { zh: '已办结', en: 'Closed' },
} as const;

export const SATISFACTION_LABELS = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
} as const;

export const POLARITY_LABELS = {
  positive: { zh: '正面', en: 'Positive' },
  neutral: { zh: '中性', en: 'Neutral' },
  negative: { zh: '负面', en: 'Negative' },
} as const;

export const SIGNAL_SEVERITY_LABELS = {
  ordinary: { zh: '一般', en: 'Ordinary' },
  notable: { zh: '较大', en: 'Notable' },
  major: { zh: '重大', en: 'Major' },
} as const;

export const RECTIFICATION_STATE_LABELS = {
  assigned: { zh: '已交办', en: 'Assigned' },
  in_progress: { zh: '整改中', en: 'In progress' },
  submitted: { zh: '已提交销号', en: 'Submitted' },
  first_approved: { zh: '初审通过', en: 'First approval' },
  closed: { zh: '已销号', en: 'Closed' },
} as const;

export const RECTIFICATION_SOURCE_KIND_LABELS = {
  finding: { zh: '督查发现', en: 'Finding' },
  petition: { zh: '信访', en: 'Petition' },
  signal: { zh: '舆情', en: 'Opinion signal' },
  import: { zh: '台账导入', en: 'Ledger import' },
} as const;

export const ALERT_STATE_LABELS = {
  open: { zh: '待处理', en: 'Open' },
  acknowledged: { zh: '已确认', en: 'Acknowledged' },
  resolved: { zh: '已解决', en: 'Resolved' },
} as const;

export const ALERT_SEVERITY_LABELS = {
  info: { zh: '提示', en: 'Info' },
  warning: { zh: '警告', en: 'Warning' },
  critical: { zh: '严重', en: 'Critical' },
} as const;

export const CASE_STATE_LABELS = {
  proposed: { zh: '拟问责', en: 'Proposed' },
  under_review: { zh: '审查中', en: 'Under review' },
  decided: { zh: '已决定', en: 'Decided' },
  dismissed: { zh: '不予问责', en: 'Dismissed' },
  closed: { zh: '已结案', en: 'Closed' },
} as const;

/** What proposed an accountability case (its trigger's kind, DESIGN §4.4). */
export const CASE_TRIGGER_LABELS = {
  consecutive_cards: { zh: '连续两个季度预黄牌', en: 'Pre-yellow cards in two consecutive quarters' },
  petition_sla_missed: {
    zh: '信访超期导致重复/越级信访',
    en: 'A missed petition SLA led to a repeated or escalated petition',
  },
  rectification_overdue: { zh: '整改逾期', en: 'Rectification overdue' },
} as const;

export const ACCOUNTABILITY_FORM_LABELS = {
  admonishment_talk: { zh: '诫勉谈话', en: 'Admonishment talk' },
  circulated_criticism: { zh: '通报批评', en: 'Circulated criticism' },
  ordered_self_examination: { zh: '责令检查', en: 'Ordered self-examination' },
  organizational_handling: { zh: '组织处理', en: 'Organizational handling' },
  disciplinary_sanction: { zh: '党纪政务处分', en: 'Party or administrative sanction' },
  judicial_referral: { zh: '移送司法机关', en: 'Referral to judicial organs' },
} as const;

export const ROLE_LABELS = {
  inspector: { zh: '纪检监察员', en: 'Inspector' },
  supervisor: { zh: '督查室', en: 'Supervisor' },
  reviewer: { zh: '复核人', en: 'Reviewer' },
  unit_officer: { zh: '责任单位联络员', en: 'Unit officer' },
  viewer: { zh: '领导', en: 'Viewer' },
  admin: { zh: '系统管理员', en: 'System administrator' },
  security_admin: { zh: '安全管理员', en: 'Security administrator' },
  audit_admin: { zh: '审计管理员', en: 'Audit administrator' },
} as const;

/**
 * The operation log's actions (操作日志, DESIGN §7; issue 12): the ONE list of them — the API's entry
 * and `action` filter and the SPA's filter and labels all read it. Add an action here and nowhere else.
 */
export const OPERATION_ACTION_LABELS = {
  export: { zh: '导出', en: 'Export' },
  import: { zh: '导入', en: 'Import' },
  'identity.reveal': { zh: '查看信访人身份', en: 'Identity reveal' },
  'oplog.read': { zh: '查阅操作日志', en: 'Operation log read' },
  // accounts (OWASP ASVS V7.1.3): sign-ins, lockouts and every change of an account
  'sign-in': { zh: '登录', en: 'Sign-in' },
  'sign-in-failed': { zh: '登录失败', en: 'Failed sign-in' },
  'sign-out': { zh: '退出登录', en: 'Sign-out' },
  lockout: { zh: '账号锁定', en: 'Lockout' },
  unlock: { zh: '解锁', en: 'Unlock' },
  'user-create': { zh: '新建用户', en: 'User created' },
  'user-roles': { zh: '设置角色', en: 'Roles set' },
  'user-disable': { zh: '停用用户', en: 'User disabled' },
  'user-enable': { zh: '启用用户', en: 'User enabled' },
  'password-reset': { zh: '重置密码', en: 'Password reset' },
  'password-change': { zh: '修改密码', en: 'Password changed' },
  // units that move and merge (撤县设区, 撤乡并镇)
  'unit-move': { zh: '调整单位隶属', en: 'Unit moved' },
  'unit-merge': { zh: '合并单位', en: 'Units merged' },
} as const;

/** 三色预警: the traffic lights of open records (DESIGN §4.4), as the 督办单 practice names them. */
export const LIGHT_LABELS = {
  green: { zh: '绿灯', en: 'Green' },
  yellow: { zh: '黄灯', en: 'Yellow' },
  red: { zh: '红灯', en: 'Red' },
} as const;
