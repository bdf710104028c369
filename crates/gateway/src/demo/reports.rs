//! What the seed reports tell beyond courses and rooms, so every page has their data: each
//! community's invitation (sign-up); 金竹苑's 订单式 survey (seed 003) and 邢家桥's class survey
//! posted to its 公众号, 微信群 and QQ群 (seed 003); 冯小玲's oil-painting class of eleven
//! (seed 003's lead story); 陈立萍's handicraft classes (seed 001); 博园's 达人 and their 达人服务日
//! on the 15th of each month, its three 邻里服务集市 and the 14-day summer class (seed 004).

use chrono::{Datelike, Duration, NaiveDate, NaiveTime, Utc};
use courses::model::{EventKind, QuestionKind, SurveyChannel, TeacherKind};
use courses::service::{self as college, AnswerInput, QuestionInput, ResidentInput};
use infra::AppError;
use infra::storage::ObjectStore;
use tenancy::{CommunityCtx, Tenancy};

use super::data::COMMUNITIES;
use super::office;

fn missing() -> AppError {
    AppError::not_found("找不到演示数据", "Demo data missing")
}

/// A demo account's own context in a community.
async fn person(
    t: &Tenancy,
    store: &ObjectStore,
    login: &str,
    slug: &str,
) -> Result<CommunityCtx, AppError> {
    let account = t.account_by_login(login).await?.ok_or_else(missing)?;
    t.account_ctx(account.id, slug, store).await
}

async fn course_id(ctx: &CommunityCtx, title: &str) -> Result<uuid::Uuid, AppError> {
    college::courses(ctx, None, 100, None, false, college::CourseParts::ALL)
        .await?
        .into_iter()
        .find(|c| c.course.title == title)
        .map(|c| c.course.id)
        .ok_or_else(missing)
}

pub(super) async fn seed(t: &Tenancy, store: &ObjectStore) -> Result<(), AppError> {
    for c in COMMUNITIES {
        let ctx = office(t, store, c.slug).await?;
        if t.invitation(&ctx).await?.is_none() {
            t.rotate_invitation(&ctx).await?;
        }
    }
    let jinzhuyuan = office(t, store, "jinzhuyuan").await?;
    // A second run finds the surveys there and leaves everything as it is.
    if !college::surveys(&jinzhuyuan, None, 1, college::SurveyParts::ALL)
        .await?
        .is_empty()
    {
        return Ok(());
    }
    jinzhuyuan_survey(t, store, &jinzhuyuan).await?;
    xingjiaqiao(t, store).await?;
    donghuanlu(t, store).await?;
    boyuan(t, store).await?;
    Ok(())
}

/// A rule from a day at a wall-clock time, `count` times.
fn rule(
    frequency: college::Frequency,
    month_day: Option<i32>,
    starts_on: NaiveDate,
    (hour, minute): (u32, u32),
    duration_minutes: i32,
    count: i32,
) -> Result<college::ScheduleRequest, AppError> {
    Ok(college::ScheduleRequest {
        frequency,
        interval: 1,
        weekdays: Vec::new(),
        month_day,
        starts_on,
        start_time: NaiveTime::from_hms_opt(hour, minute, 0).ok_or_else(missing)?,
        duration_minutes,
        count: Some(count),
        until: None,
        except: Vec::new(),
    })
}

fn question(kind: QuestionKind, prompt: &str, options: &[&str]) -> QuestionInput {
    QuestionInput {
        kind,
        prompt: prompt.into(),
        options: options.iter().map(|o| (*o).to_string()).collect(),
    }
}

/// 金竹苑's 订单式 survey: seventeen questions, of which the report names what five asked —
/// whether residents support interest classes, which they want, what they expect of them,
/// who the community's 文艺能人 are and what residents' hobbies are. Those five, and 陈启惠's
/// answers.
async fn jinzhuyuan_survey(
    t: &Tenancy,
    store: &ObjectStore,
    staff: &CommunityCtx,
) -> Result<(), AppError> {
    let survey = college::create_survey(
        staff,
        "金竹苑社区兴趣班“订单”调查",
        10,
        None,
        vec![
            question(
                QuestionKind::Single,
                "您是否支持社区开办兴趣班？",
                &["支持", "不支持", "无所谓"],
            ),
            question(
                QuestionKind::Multiple,
                "您希望社区开办哪些兴趣课程？",
                &["艺术", "体育", "科技", "文化", "便民服务"],
            ),
            question(QuestionKind::Text, "您对兴趣课程有什么期待？", &[]),
            question(
                QuestionKind::Talent,
                "您有什么文艺特长，愿意教大家吗？",
                &[],
            ),
            question(QuestionKind::Text, "您有哪些兴趣爱好？", &[]),
        ],
    )
    .await?;
    let questions = college::surveys(staff, None, 5, college::SurveyParts::ALL)
        .await?
        .into_iter()
        .find(|v| v.survey.id == survey.id)
        .ok_or_else(missing)?
        .questions;
    let id = |i: usize| questions[i].0.id;
    let chen = person(t, store, "chen-qihui", "jinzhuyuan").await?;
    college::answer_survey(
        &chen,
        survey.id,
        vec![
            AnswerInput {
                question_id: id(0),
                choices: vec![0],
                text: None,
            },
            AnswerInput {
                question_id: id(1),
                choices: vec![0, 1],
                text: None,
            },
            AnswerInput {
                question_id: id(4),
                choices: vec![],
                text: Some("非洲鼓".into()),
            },
        ],
        SurveyChannel::WechatGroup,
    )
    .await?;
    // 非洲鼓社's learners in red vests play for the elders of the 养老服务驿站 (seed 003): a
    // performance, a month ago.
    let today = infra::local_time::date_of(Utc::now());
    college::create_event(
        staff,
        college::EventInput {
            title: "非洲鼓社走进社区养老服务驿站".into(),
            kind: EventKind::Performance,
            starts_at: infra::local_time::at(
                today - Duration::days(30),
                NaiveTime::from_hms_opt(15, 0, 0).ok_or_else(missing)?,
            ),
            duration_minutes: 90,
            place: "社区养老服务驿站".into(),
            capacity: None,
            attendance_target: None,
        },
    )
    .await?;
    Ok(())
}

/// 邢家桥: its residents drew up their own timetable by a survey on 公众号, 微信群 and QQ群;
/// 冯小玲's eleven learners copy 《浪漫的海滩》.
async fn xingjiaqiao(t: &Tenancy, store: &ObjectStore) -> Result<(), AppError> {
    let staff = office(t, store, "xingjiaqiao").await?;
    college::create_survey(
        &staff,
        "邢家桥社区兴趣班课程表调查",
        10,
        None,
        vec![question(
            QuestionKind::Multiple,
            "您想参加哪些兴趣班？",
            &[
                "油画",
                "太极拳",
                "快板",
                "腰鼓",
                "象棋",
                "手工编织",
                "舞蹈",
                "走秀",
                "音乐",
                "合唱",
            ],
        )],
    )
    .await?;
    let painting = course_id(&staff, "油画").await?;
    // The afternoon the report tells of, a week ago: the eleven copying 《浪漫的海滩》.
    let today = infra::local_time::date_of(Utc::now());
    let told = college::schedule_sessions(
        &staff,
        painting,
        rule(
            college::Frequency::Daily,
            None,
            today - Duration::days(7),
            (14, 30),
            120,
            1,
        )?,
        "街边门市画室",
        None,
    )
    .await?;
    let told = told.first().ok_or_else(missing)?.id;
    // The report names none of the eleven: each is a numbered learner of the class.
    for n in 1..=11 {
        let learner = college::register_resident(
            &staff,
            ResidentInput {
                name: format!("油画班学员{n:02}"),
                birth_date: None,
                courtyard_id: None,
                phone: None,
                household: None,
            },
        )
        .await?;
        college::enrol(&staff, painting, Some(learner.learner.id)).await?;
        college::mark_attendance(&staff, told, learner.learner.id, true).await?;
    }
    Ok(())
}

/// 陈立萍 comes every week to the 市民兴趣学习班's handicrafts (seed 001).
async fn donghuanlu(t: &Tenancy, store: &ObjectStore) -> Result<(), AppError> {
    let staff = office(t, store, "donghuanlu").await?;
    let chen = person(t, store, "donghuan-chen", "donghuanlu").await?;
    for title in ["香薰手工", "手工花", "洋娃娃制作"] {
        college::enrol(&chen, course_id(&staff, title).await?, None).await?;
    }
    Ok(())
}

/// 博园's 达人 (李炎 体育健身指导, 朱瑞君 手工制作, 胡铸鑫 摄影拍照, 陈新安 健康指导, 刁新华 健康义诊)
/// in the teacher pool and at the 达人服务日 on the 15th of each month; three 邻里服务集市 this
/// year; 周六课堂's 14-day summer class.
async fn boyuan(t: &Tenancy, store: &ObjectStore) -> Result<(), AppError> {
    let staff = office(t, store, "boyuan").await?;
    let pool = college::teachers(&staff, None, 200, false).await?;
    for (name, skill) in [
        ("李炎", "体育健身指导"),
        ("朱瑞君", "手工制作"),
        ("胡铸鑫", "摄影拍照"),
        ("陈新安", "健康指导"),
        ("刁新华", "健康义诊"),
    ] {
        if pool.iter().any(|v| v.teacher.name == name) {
            continue;
        }
        college::create_teacher(
            &staff,
            college::TeacherInput {
                name: name.into(),
                kind: TeacherKind::LocalTalent,
                skills: vec![skill.into()],
                phone: None,
                teaches_in: vec!["boyuan".into()],
                learner_id: None,
                account_id: None,
            },
        )
        .await?;
    }
    let today = infra::local_time::date_of(Utc::now());
    let month_start =
        NaiveDate::from_ymd_opt(today.year(), today.month(), 1).ok_or_else(missing)?;
    college::schedule_events(
        &staff,
        college::EventSeriesInput {
            title: "社区达人服务日".into(),
            kind: EventKind::ServiceDay,
            place: "达人室".into(),
            capacity: None,
            attendance_target: None,
            rule: rule(
                college::Frequency::Monthly,
                Some(15),
                month_start,
                (9, 0),
                240,
                12,
            )?,
        },
    )
    .await?;
    // Three 大型邻里服务集市 held this year (the report gives no dates: spring, summer, autumn).
    for days_ago in [240, 150, 60] {
        college::create_event(
            &staff,
            college::EventInput {
                title: "大型邻里服务集市".into(),
                kind: EventKind::Market,
                starts_at: infra::local_time::at(
                    today - Duration::days(days_ago),
                    NaiveTime::from_hms_opt(9, 0, 0).ok_or_else(missing)?,
                ),
                duration_minutes: 180,
                place: "百姓舞台".into(),
                capacity: None,
                attendance_target: None,
            },
        )
        .await?;
    }
    // 周六课堂's summer class: fourteen days in a row from the first Monday of July.
    let july = NaiveDate::from_ymd_opt(today.year(), 7, 1).ok_or_else(missing)?;
    let monday = july + Duration::days(i64::from((7 - july.weekday().num_days_from_monday()) % 7));
    college::schedule_sessions(
        &staff,
        course_id(&staff, "周六课堂").await?,
        rule(college::Frequency::Daily, None, monday, (9, 0), 120, 14)?,
        "自习室（暑期班）",
        None,
    )
    .await?;
    Ok(())
}
