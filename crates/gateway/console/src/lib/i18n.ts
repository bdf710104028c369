// Chinese first, English on request: every string is written as t('中文', 'English') where it
// is used, so the two never drift apart. The choice is remembered and sent to the API as
// Accept-Language, whose error messages follow it.
import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';
export type T = (zh: string, en: string) => string;

export const LangContext = createContext<Lang>('zh');

export function storedLang(): Lang {
  return localStorage.getItem('linli.lang') === 'en' ? 'en' : 'zh';
}

export function useLang(): Lang {
  return useContext(LangContext);
}

export function useT(): T {
  const lang = useContext(LangContext);
  return (zh, en) => (lang === 'en' ? en : zh);
}

/** Labels of the API's enums, both languages. */
export const ENUMS: Record<string, Record<string, [string, string]>> = {
  RetentionKind: {
    AUDIT_LOG: ['审计日志', 'Audit log'],
    LOGIN_THROTTLE: ['登录限速记录', 'Sign-in throttling'],
    PHONE_CODES: ['短信验证码', 'One-time codes'],
    REQUEST_KEYS: ['重复提交记录（幂等键）', 'Idempotency keys'],
    PERSONAL_EXPORTS: ['个人信息副本文件', "Copies of people's data"],
    NOTIFICATIONS: ['消息及其发送记录', 'Notifications and their deliveries'],
    EXPORTS: ['导出文件（台账、证明、报表）', 'Generated files (registers, certificates, figures)'],
    ARCHIVED_COMMUNITIES: ['已归档社区的个人信息', "Archived communities' personal data"],
  },
  RecordField: {
    NAME: ['姓名', 'Name'],
    BIRTH_DATE: ['出生日期', 'Birth date'],
    COURTYARD: ['院落/网格', 'Courtyard or grid'],
    HOUSEHOLD: ['门牌', 'Household'],
    PHONE: ['手机号', 'Phone'],
  },
  CommunityKind: {
    OLD_COURTYARD: ['老旧院落', 'Old courtyard'],
    RESETTLEMENT: ['安置小区', 'Resettlement'],
    COMMERCIAL_HOUSING: ['商品房小区', 'Commercial housing'],
    PUBLIC_RENTAL: ['公租房小区', 'Public rental'],
    UNIVERSITY_TOWN: ['大学城社区', 'University town'],
    WORKER_DORMITORY: ['产业工人宿舍', 'Worker dormitory'],
    MIXED: ['混合型社区', 'Mixed'],
  },
  CommunityStatus: {
    ACTIVE: ['运行中', 'Active'],
    SUSPENDED: ['已暂停', 'Suspended'],
    ARCHIVED: ['已归档', 'Archived'],
    MOVING: ['迁移中（只读）', 'Moving (read-only)'],
    MOVED: ['已迁出', 'Moved away'],
  },
  Audience: {
    ALL: ['所有人', 'Everyone'],
    CHILDREN: ['少儿', 'Children'],
    ADULTS: ['成人', 'Adults'],
    ELDERLY: ['老年人', 'Elderly'],
  },
  CourseFormat: {
    LECTURE: ['讲座', 'Lecture'],
    WORKSHOP: ['工作坊', 'Workshop'],
    SALON: ['沙龙', 'Salon'],
    PERFORMANCE: ['展演', 'Performance'],
    FORUM: ['论坛', 'Forum'],
  },
  CourseStatus: {
    PROPOSED: ['待开放', 'Proposed'],
    OPEN: ['报名中', 'Open'],
    CLOSED: ['已关闭', 'Closed'],
  },
  EnrolmentStatus: {
    ENROLLED: ['已报名', 'Enrolled'],
    WAITLISTED: ['候补', 'Waiting list'],
    CANCELLED: ['已取消', 'Cancelled'],
  },
  SessionStatus: {
    SCHEDULED: ['已排课', 'Scheduled'],
    CANCELLED: ['已取消', 'Cancelled'],
  },
  BookingStatus: {
    REQUESTED: ['待审批', 'Requested'],
    APPROVED: ['已通过', 'Approved'],
    DECLINED: ['未通过', 'Declined'],
    CANCELLED: ['已取消', 'Cancelled'],
    NO_SHOW: ['未到场', 'No-show'],
  },
  FamilyHelpStatus: {
    REQUESTED: ['等待同意', 'Waiting for consent'],
    GRANTED: ['已同意', 'Agreed'],
    DECLINED: ['未同意', 'Declined'],
    ENDED: ['已结束', 'Ended'],
  },
  DemandStatus: {
    SUBMITTED: ['已提交', 'Submitted'],
    ROUTED: ['已派单', 'Routed'],
    RESOLVED: ['已答复', 'Answered'],
    CONFIRMED: ['已办结', 'Closed'],
    REOPENED: ['重新办理', 'Reopened'],
  },
  PartnershipStatus: {
    REQUESTED: ['待审批', 'Requested'],
    APPROVED: ['已通过', 'Approved'],
    DECLINED: ['未通过', 'Declined'],
    ENDED: ['已结束', 'Ended'],
  },
  TargetPeriod: {
    MONTH: ['每月', 'Monthly'],
    QUARTER: ['每季度', 'Quarterly'],
    YEAR: ['每年', 'Yearly'],
  },
  OrganisationKind: {
    UNIVERSITY: ['高校', 'University'],
    ENTERPRISE: ['企业', 'Enterprise'],
    MERCHANT: ['商户', 'Merchant'],
    PROPERTY_COMPANY: ['物业', 'Property company'],
    SOCIAL_ORGANISATION: ['社会组织', 'Social organisation'],
    TRADE_UNION: ['工会', 'Trade union'],
    WOMENS_FEDERATION: ['妇联', "Women's federation"],
    YOUTH_LEAGUE: ['共青团', 'Youth League'],
    DISABLED_PERSONS_FEDERATION: ['残联', "Disabled persons' federation"],
    SCIENCE_ASSOCIATION: ['科协', 'Science association'],
  },
  PointsAccountKind: {
    PERSON: ['个人', 'Person'],
    COLLECTIVE: ['集体卡', 'Collective card'],
    FUND: ['社区积分池', 'Community fund'],
    ISSUANCE: ['发行', 'Issuance'],
    BURNED: ['已消耗', 'Burned'],
  },
  OrganisationRole: {
    ADMIN: ['管理员', 'Admin'],
    MEMBER: ['成员', 'Member'],
  },
  EventKind: {
    ACTIVITY: ['活动', 'Activity'],
    EXCHANGE: ['交流', 'Exchange'],
    PERFORMANCE: ['展演', 'Performance'],
    MARKET: ['服务集市', 'Service market'],
    SERVICE_DAY: ['达人服务日', 'Talent service day'],
  },
  VolunteerStatus: {
    APPLICANT: ['待审核', 'Applicant'],
    ACTIVE: ['在册', 'Active'],
    INACTIVE: ['已停用', 'Inactive'],
  },
  HoursStatus: {
    PENDING: ['待核验', 'Pending'],
    VERIFIED: ['已核验', 'Verified'],
    DECLINED: ['未通过', 'Declined'],
  },
  HoursRecordedAs: {
    VOLUNTEER: ['本人填报', 'By the volunteer'],
    LEADER: ['队长填报', 'By the leader'],
    STAFF: ['社工录入', 'By staff'],
  },
  TransferKind: {
    GRANT: ['发放', 'Grant'],
    EARN: ['志愿服务', 'Earned'],
    REDEEM: ['兑换', 'Redeemed'],
    TRANSFER: ['转赠', 'Passed on'],
    BOOKING: ['场地预约', 'Booking'],
    REVERSAL: ['冲正', 'Reversal'],
    BURN: ['过期', 'Expired'],
  },
  CollectiveKind: {
    PARTY_UNIT: ['党组织', 'Party unit'],
    ENTERPRISE: ['企业', 'Enterprise'],
    COURTYARD: ['院落', 'Courtyard'],
  },
  RewardKind: {
    GOODS: ['实物', 'Goods'],
    SERVICE: ['服务', 'Service'],
  },
  RedemptionStatus: {
    REDEEMED: ['待领取', 'To collect'],
    HANDED_OVER: ['已领取', 'Handed over'],
    CANCELLED: ['已取消', 'Cancelled'],
  },
  CommitmentKind: {
    ANY: ['任意活动', 'Any activity'],
    COURSE: ['课程', 'Courses'],
    SHIFT: ['志愿服务', 'Volunteer shifts'],
    EVENT: ['活动', 'Events'],
  },
  CommitmentPer: {
    MONTH: ['每月', 'a month'],
    QUARTER: ['每季度', 'a quarter'],
    YEAR: ['每年', 'a year'],
    PERIOD: ['协议期内', 'over the agreement'],
  },
  AgreementActivityKind: {
    COURSE: ['课程', 'Course'],
    SHIFT: ['志愿服务', 'Volunteer shift'],
    EVENT: ['活动', 'Event'],
    OTHER: ['其他', 'Other'],
  },
  VentureCallStatus: {
    OPEN: ['征集中', 'Open'],
    AWARDED: ['已立项', 'Awarded'],
    WITHDRAWN: ['已撤回', 'Withdrawn'],
  },
  VentureProjectStatus: {
    RUNNING: ['实施中', 'Running'],
    DONE: ['已结项', 'Closed'],
  },
  HonourRoundStatus: {
    OPEN: ['提名中', 'Nominating'],
    REVIEWING: ['评审中', 'Reviewing'],
    PUBLISHED: ['已公示', 'Published'],
  },
  PlotDutyKind: {
    WATERING: ['浇水', 'Watering'],
    WEEDING: ['除草', 'Weeding'],
    SOWING: ['播种', 'Sowing'],
    FERTILISING: ['施肥', 'Fertilising'],
    HARVEST: ['收获', 'Harvest'],
  },
  SpaceKind: {
    FUNCTION_ROOM: ['功能室', 'Function room'],
    COURTYARD_SPACE: ['院落空间', 'Courtyard space'],
    STAGE: ['舞台', 'Stage'],
    OUTDOOR_YARD: ['户外场地', 'Outdoor yard'],
    FARM: ['共享菜园', 'Farm'],
  },
  BookableBy: {
    RESIDENTS: ['所有居民（个人、社团、团队）', 'Any member'],
    CLUBS: ['只限社团', 'Clubs only'],
    TEAMS: ['只限共建团队', 'Partner teams only'],
    STAFF: ['只限社区工作者', 'Staff only'],
  },
  BookerKind: {
    PERSON: ['个人', 'A person'],
    CLUB: ['社团', 'A club'],
    TEAM: ['团队', 'A team'],
  },
  QuotaPeriod: {
    WEEK: ['每周', 'A week'],
    MONTH: ['每月', 'A month'],
  },
  QuotaUnit: {
    HOURS: ['小时', 'hours'],
    BOOKINGS: ['次', 'bookings'],
  },
  ListRole: {
    NEED: ['需求', 'Needs'],
    OFFER: ['资源或服务', 'Offers'],
  },
  ListEnteredAs: {
    STAFF: ['社区', 'Staff'],
    PARTNER: ['共建单位', 'Partner'],
    RESIDENT: ['居民', 'Resident'],
  },
  ListEntryStatus: {
    OPEN: ['待对接', 'Open'],
    MATCHED: ['已对接', 'Matched'],
    CLOSED: ['已完成', 'Closed'],
  },
  ListMatchStatus: {
    CONFIRMED: ['对接中', 'Confirmed'],
    DONE: ['已办成', 'Done'],
    FAILED: ['未办成', 'Failed'],
  },
  FundMovementKind: {
    DONATION: ['捐赠', 'Donation'],
    SALE: ['义卖所得', 'Charity sale'],
    GRANT: ['拨款', 'Grant'],
    SPENDING: ['支出', 'Spending'],
    REVERSAL: ['冲正', 'Reversal'],
  },
  FundRequestStatus: {
    REQUESTED: ['待审批', 'Waiting'],
    PAID: ['已支付', 'Paid'],
    DECLINED: ['未批准', 'Declined'],
  },
  Weekday: {
    MON: ['周一', 'Mon'], TUE: ['周二', 'Tue'], WED: ['周三', 'Wed'], THU: ['周四', 'Thu'],
    FRI: ['周五', 'Fri'], SAT: ['周六', 'Sat'], SUN: ['周日', 'Sun'],
  },
  CadencePeriod: {
    WEEK: ['每周', 'Weekly'],
    MONTH: ['每月', 'Monthly'],
    QUARTER: ['每季度', 'Quarterly'],
    YEAR: ['每年', 'Yearly'],
  },
  MeetingCadencePer: {
    WEEK: ['每周', 'Weekly'],
    MONTH: ['每月', 'Monthly'],
    QUARTER: ['每季度', 'Quarterly'],
    YEAR: ['每年', 'Yearly'],
  },
  CadenceCounts: {
    SESSIONS: ['课程课次', 'Course sessions'],
    EVENTS: ['各类活动', 'Any event'],
    ACTIVITY: ['活动', 'Activities'],
    EXCHANGE: ['交流', 'Exchanges'],
    PERFORMANCE: ['展演', 'Performances'],
    MARKET: ['服务集市', 'Service markets'],
    SERVICE_DAY: ['达人服务日', 'Talent service days'],
  },
  SurveyChannel: {
    IN_APP: ['平台内', 'In the app'],
    WECHAT_ACCOUNT: ['公众号', 'Official account'],
    WECHAT_GROUP: ['微信群', 'WeChat group'],
    QQ_GROUP: ['QQ 群', 'QQ group'],
    DOOR_TO_DOOR: ['入户', 'Door to door'],
  },
  MeetingKind: {
    CONSULTATION: ['民主协商会', 'Consultation'],
    COURTYARD_MEETING: ['坝坝会', 'Courtyard meeting'],
    EVENING_TALK: ['院落夜话', 'Evening talk'],
    TRIPARTITE_WEEKLY: ['三方周碰头', 'Tripartite, weekly'],
    TRIPARTITE_MONTHLY: ['三方月例会', 'Tripartite, monthly'],
    TRIPARTITE_QUARTERLY: ['三方季通报', 'Tripartite, quarterly'],
    TRIPARTITE_YEARLY: ['三方年评议', 'Tripartite, yearly'],
  },
  AttendeeRole: {
    PARTY_ORGANISATION: ['党组织', 'Party organisation'],
    PROPERTY_COMPANY: ['物业', 'Property company'],
    OWNERS_COMMITTEE: ['业委会', "Owners' committee"],
    RESIDENTS: ['居民', 'Residents'],
    STAFF: ['社区工作者', 'Community staff'],
    GRID_WORKERS: ['网格员', 'Grid workers'],
    PARTNER: ['共建单位', 'Partner'],
    OTHER: ['其他', 'Other'],
  },
  FollowUpOwnerKind: {
    STAFF: ['社区工作者', 'Staff'],
    GRID_WORKER: ['网格员', 'Grid worker'],
    TEAM: ['共建团队', 'Partner team'],
  },
  FollowUpStatus: {
    OPEN: ['跟进中', 'Open'],
    DONE: ['已办结', 'Done'],
    DROPPED: ['已放弃', 'Dropped'],
  },
  Role: {
    PLATFORM_ADMIN: ['平台管理员', 'Platform admin'],
    DISTRICT_ADMIN: ['区县管理员', 'District admin'],
    DISTRICT_VIEWER: ['区县观察员', 'District viewer'],
    COMMUNITY_ADMIN: ['社区管理员', 'Community admin'],
    STAFF: ['社区工作者', 'Community staff'],
    GRID_WORKER: ['网格员', 'Grid worker'],
    GROUP_LEADER: ['居民小组长', 'Group leader'],
    TEACHER: ['教师', 'Teacher'],
    VOLUNTEER: ['志愿者', 'Volunteer'],
    RESIDENT: ['居民', 'Resident'],
    PARTNER_MEMBER: ['共建单位成员', 'Partner member'],
  },
};

/** The label of an enum value in the current language; an unknown value shows as itself. */
export function useEnum(): (kind: string, value: string) => string {
  const lang = useContext(LangContext);
  return (kind, value) => {
    const pair = ENUMS[kind]?.[value];
    return pair ? pair[lang === 'en' ? 1 : 0] : value;
  };
}

/** The choices of an API enum, labelled in the current language (for a select). */
export function useEnumOptions(): (kind: string) => { value: string; label: string }[] {
  const label = useEnum();
  return (kind) => Object.keys(ENUMS[kind] ?? {}).map((value) => ({ value, label: label(kind, value) }));
}
