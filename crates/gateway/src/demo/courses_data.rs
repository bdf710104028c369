//! Each seed community's courses, as its report names them: title, category, audience, format,
//! who teaches (a named person where the report names one, else the role the report gives —
//! never an invented name) and where it is held. Nothing here that the reports do not say.

use courses::model::{Audience, Format, TeacherKind};

pub(super) struct DemoCourse {
    pub title: &'static str,
    pub category: &'static str,
    pub audience: Audience,
    pub format: Format,
    pub teacher: &'static str,
    pub kind: TeacherKind,
    /// One of the community's spaces; `None`: its first.
    pub place: Option<&'static str>,
}

const fn course(
    title: &'static str,
    category: &'static str,
    audience: Audience,
    format: Format,
    teacher: &'static str,
    kind: TeacherKind,
    place: Option<&'static str>,
) -> DemoCourse {
    DemoCourse {
        title,
        category,
        audience,
        format,
        teacher,
        kind,
        place,
    }
}

use Audience::*;
use Format::*;
use TeacherKind::*;

/// 新华 (seed 000): 院落大学's courses by the subjects the report lists (健康养生、瑜伽、摄影、
/// 自然课题、儿童教育、安全教育、生活技能、法律法规), in its five spaces; the report names no
/// teachers.
const XINHUA: &[DemoCourse] = &[
    course(
        "瑜伽",
        "yoga",
        Adults,
        Workshop,
        "院落大学瑜伽老师",
        LocalTalent,
        Some("舞之魅"),
    ),
    course(
        "健康养生",
        "health",
        Elderly,
        Lecture,
        "院落大学健康讲师",
        Expert,
        Some("夕阳乐"),
    ),
    course(
        "红色故事讲座",
        "party",
        All,
        Lecture,
        "百文斋讲座老师",
        Expert,
        Some("百文斋"),
    ),
    course(
        "自然课题",
        "nature",
        Children,
        Workshop,
        "童趣园老师",
        SocialOrganisation,
        Some("童趣园"),
    ),
    course(
        "摄影",
        "photography",
        Adults,
        Salon,
        "院落大学摄影老师",
        LocalTalent,
        Some("党群服务"),
    ),
    course(
        "法律法规",
        "law",
        All,
        Forum,
        "院落大学法律讲师",
        Expert,
        Some("党群服务"),
    ),
];

/// 东环路 (seed 001): the 市民兴趣学习班's handicrafts 陈立萍 learned (香薰, 洋娃娃, 手工花).
const DONGHUANLU: &[DemoCourse] = &[
    course(
        "香薰手工",
        "life_skills",
        All,
        Workshop,
        "市民兴趣学习班手工老师",
        LocalTalent,
        Some("书画室"),
    ),
    course(
        "手工花",
        "life_skills",
        All,
        Workshop,
        "市民兴趣学习班手工老师",
        LocalTalent,
        Some("书画室"),
    ),
    course(
        "洋娃娃制作",
        "life_skills",
        All,
        Workshop,
        "市民兴趣学习班手工老师",
        LocalTalent,
        Some("书画室"),
    ),
];

/// 白莲 (seed 002): 儿童之家's courses.
const BAILIAN: &[DemoCourse] = &[
    course(
        "农场种植",
        "nature",
        Children,
        Workshop,
        "儿童之家老师",
        SocialOrganisation,
        Some("生态农场"),
    ),
    course(
        "亲子绘画",
        "children",
        Children,
        Workshop,
        "儿童之家老师",
        SocialOrganisation,
        Some("儿童之家"),
    ),
    course(
        "植物标本制作",
        "nature",
        Children,
        Workshop,
        "儿童之家老师",
        SocialOrganisation,
        Some("儿童之家"),
    ),
];

/// 金竹苑 (seed 003): the 非洲鼓 club's class, 刘娟君's 网红舞蹈 on the square.
const JINZHUYUAN: &[DemoCourse] = &[
    course(
        "非洲鼓",
        "skills",
        All,
        Performance,
        "非洲鼓社团长",
        LocalTalent,
        None,
    ),
    course(
        "网红舞蹈",
        "skills",
        Adults,
        Workshop,
        "刘娟君",
        LocalTalent,
        Some("社区广场"),
    ),
];

/// 邢家桥 (seed 003): ten of its eleven interest classes the report names (the eleventh it
/// does not), held where it says — a 30 m² street shop, the old 工商所 offices, a courtyard's
/// open ground; 冯小玲's oil painting is the report's lead story.
const XINGJIAQIAO: &[DemoCourse] = &[
    course(
        "油画",
        "skills",
        All,
        Workshop,
        "冯小玲",
        LocalTalent,
        Some("街边门市画室"),
    ),
    course(
        "太极拳",
        "health",
        All,
        Workshop,
        "国家一级太极教练",
        Expert,
        Some("小区坝坝"),
    ),
    course(
        "快板",
        "skills",
        All,
        Performance,
        "快板班老师",
        LocalTalent,
        Some("小区坝坝"),
    ),
    course(
        "腰鼓",
        "skills",
        Elderly,
        Performance,
        "何开碧",
        LocalTalent,
        Some("小区坝坝"),
    ),
    course(
        "象棋",
        "skills",
        All,
        Salon,
        "象棋班老师",
        LocalTalent,
        Some("街边门市画室"),
    ),
    course(
        "手工编织",
        "life_skills",
        Adults,
        Workshop,
        "手工编织班老师",
        LocalTalent,
        Some("街边门市画室"),
    ),
    course(
        "舞蹈",
        "skills",
        Adults,
        Workshop,
        "张丽玲",
        LocalTalent,
        Some("原工商所活动室"),
    ),
    course(
        "走秀",
        "skills",
        Adults,
        Workshop,
        "走秀班老师",
        LocalTalent,
        Some("原工商所活动室"),
    ),
    course(
        "音乐",
        "skills",
        All,
        Workshop,
        "音乐班老师",
        LocalTalent,
        Some("原工商所活动室"),
    ),
    course(
        "合唱",
        "skills",
        All,
        Performance,
        "合唱班老师",
        LocalTalent,
        Some("原工商所活动室"),
    ),
];

/// 博园 (seed 004): 博园学堂's courses for 小朋友、大朋友、老朋友 and the universities'
/// 特色课程进社区, with the teachers and teams the report names.
const BOYUAN: &[DemoCourse] = &[
    course(
        "周六课堂",
        "children",
        Children,
        Workshop,
        "温大知心姐姐",
        UniversityStudent,
        Some("自习室"),
    ),
    course(
        "遇见小古文",
        "children",
        Children,
        Workshop,
        "博园学堂老师",
        UniversityTeacher,
        Some("自习室"),
    ),
    course(
        "瑜伽公益课",
        "yoga",
        Adults,
        Workshop,
        "博园学堂瑜伽老师",
        LocalTalent,
        Some("瑜伽房"),
    ),
    course(
        "论语一百亲子阅读",
        "children",
        Children,
        Salon,
        "在职党员志愿者",
        LocalTalent,
        Some("自习室"),
    ),
    course(
        "中医健康养生",
        "health",
        Elderly,
        Lecture,
        "温州医科大学",
        UniversityTeacher,
        Some("达人室"),
    ),
    course(
        "趣味英语",
        "children",
        Children,
        Workshop,
        "温州肯恩大学",
        UniversityTeacher,
        Some("自习室"),
    ),
    course(
        "隔代教育",
        "children",
        Adults,
        Lecture,
        "张海音",
        UniversityTeacher,
        Some("达人室"),
    ),
    course(
        "手机摄影",
        "photography",
        Elderly,
        Workshop,
        "胡铸鑫",
        UniversityTeacher,
        Some("达人室"),
    ),
    course(
        "儿童古文",
        "children",
        Children,
        Workshop,
        "张春雷",
        UniversityTeacher,
        Some("自习室"),
    ),
];

pub(super) fn courses_for(slug: &str) -> &'static [DemoCourse] {
    match slug {
        "xinhua" => XINHUA,
        "donghuanlu" => DONGHUANLU,
        "bailian" => BAILIAN,
        "jinzhuyuan" => JINZHUYUAN,
        "xingjiaqiao" => XINGJIAQIAO,
        "boyuan" => BOYUAN,
        _ => &[],
    }
}
