//! Tenancy's own failures, each with the words a community worker reads.

use infra::{AppError, ErrorCode};

#[derive(Debug, thiserror::Error)]
pub enum TenancyError {
    #[error("invalid slug")]
    InvalidSlug,
    #[error("invalid district code")]
    InvalidDistrictCode,
    #[error("invalid name")]
    InvalidName,
    #[error("invalid display name")]
    InvalidDisplayName,
    #[error("invalid login name")]
    InvalidLoginName,
    #[error("password too short")]
    WeakPassword,
    #[error("invalid phone number")]
    InvalidPhone,
    #[error("invalid role for scope")]
    RoleScope,
    #[error("district not found")]
    DistrictNotFound,
    #[error("community not found")]
    CommunityNotFound,
    #[error("account not found")]
    AccountNotFound,
    #[error("district code taken")]
    DistrictCodeTaken,
    #[error("login name taken")]
    LoginNameTaken,
    #[error("slug belongs to another district")]
    SlugInOtherDistrict,
    #[error("wrong credentials")]
    WrongCredentials,
    #[error("too many failed logins")]
    Throttled { retry_after_secs: i64 },
    #[error("too many registrations")]
    RegistrationsThrottled { retry_after_secs: i64 },
    #[error("too many attempts")]
    AttemptsThrottled { retry_after_secs: i64 },
    #[error("token invalid or expired")]
    BadToken,
    #[error("community suspended")]
    Suspended,
    #[error("community archived")]
    Archived,
    #[error("community moved to {0}")]
    Moved(String),
    #[error("lifecycle transition not allowed")]
    Transition,
    #[error("You cannot deactivate or reactivate your own account")]
    OwnAccount,
    #[error("Counts cannot be negative")]
    NegativeCount,
    #[error("This operation needs a community (the X-Community header)")]
    CommunityNeeded,
    #[error("A grid worker serves at most 50 grids")]
    TooManyGrids,
    #[error("That account is not a grid worker of this community")]
    NotAGridWorker,
    #[error("No such courtyard or grid")]
    NoSuchGrid,
    #[error("A courtyard or grid with this name exists")]
    CourtyardNameTaken,
    #[error("The invitation is not valid")]
    InvitationInvalid,
    #[error("The community has no invitation yet")]
    NoInvitation,
    #[error("A community is placed only within its own district")]
    PlaceOutsideDistrict,
    #[error("The verification code is wrong or expired")]
    CodeWrong,
    #[error("The verification code could not be sent")]
    CodeNotSent,
    #[error("The phone number has an account")]
    PhoneHasAccount,
    #[error("Already a resident there")]
    AlreadyResident,
    #[error("Already signed up there")]
    SignUpExists,
    #[error("The sign-up was decided")]
    SignUpDecided,
    #[error("A retention period is too short or too long")]
    RetentionOutOfRange { least_hours: i32 },
    #[error("The erasure waits for what must stay open")]
    ErasureBlocked(Vec<crate::erasure::model::ErasureBlocker>),
}

impl TenancyError {
    /// The kind of input an error is about, for the form field that shows it.
    fn field(&self) -> Option<&'static str> {
        use TenancyError as E;
        Some(match self {
            E::InvalidSlug | E::SlugInOtherDistrict => "slug",
            E::InvalidDistrictCode | E::DistrictCodeTaken => "districtCode",
            E::InvalidName => "name",
            E::InvalidDisplayName => "displayName",
            E::InvalidLoginName | E::LoginNameTaken => "loginName",
            E::WeakPassword => "password",
            E::InvalidPhone | E::PhoneHasAccount => "phone",
            E::CodeWrong => "verificationCode",
            _ => return None,
        })
    }
}

impl From<TenancyError> for AppError {
    fn from(e: TenancyError) -> Self {
        use ErrorCode::*;
        use TenancyError as E;
        let field = e.field();
        let (code, zh, en): (ErrorCode, String, String) = match e {
            E::InvalidSlug => (
                BadUserInput,
                "社区标识只能包含小写字母、数字和连字符，以字母开头，2 到 40 个字符".into(),
                "A community slug is 2–40 lower-case letters, digits or hyphens, starting with a letter".into(),
            ),
            E::InvalidDistrictCode => (
                BadUserInput,
                "区划代码只能包含字母、数字、下划线或连字符，2 到 32 个字符".into(),
                "A district code is 2–32 letters, digits, underscores or hyphens".into(),
            ),
            E::InvalidDisplayName => (
                BadUserInput,
                "名字不能为空，且不超过 50 个字".into(),
                "A name must be 1–50 characters".into(),
            ),
            E::InvalidName => (
                BadUserInput,
                "名称不能为空，且不超过 100 个字".into(),
                "A name must be 1–100 characters".into(),
            ),
            E::InvalidLoginName => (
                BadUserInput,
                "登录名为 3 到 64 个字母、数字或 _.@- 符号".into(),
                "A login name is 3–64 letters, digits or _.@-".into(),
            ),
            E::WeakPassword => (
                BadUserInput,
                "密码需要 8 到 128 个字符".into(),
                "A password needs 8 to 128 characters".into(),
            ),
            E::InvalidPhone => (
                BadUserInput,
                "手机号码格式不正确".into(),
                "The phone number is not valid".into(),
            ),
            E::RoleScope => (
                BadUserInput,
                "该角色不能授予在这个范围：平台角色不带范围，区级角色需要区划代码，社区角色需要社区标识".into(),
                "This role does not fit this scope: platform roles take none, district roles a district code, community roles a community slug".into(),
            ),
            E::DistrictNotFound => (NotFound, "找不到该区划".into(), "District not found".into()),
            E::CommunityNotFound => (NotFound, "找不到该社区".into(), "Community not found".into()),
            E::AccountNotFound => (NotFound, "找不到该账号".into(), "Account not found".into()),
            E::DistrictCodeTaken => (
                Conflict,
                "该区划代码已被使用".into(),
                "This district code is already in use".into(),
            ),
            E::LoginNameTaken => (
                Conflict,
                "该登录名已被使用".into(),
                "This login name is already taken".into(),
            ),
            E::SlugInOtherDistrict => (
                Conflict,
                "该社区标识已被其他区划的社区使用".into(),
                "This slug is already used by a community of another district".into(),
            ),
            E::WrongCredentials => (
                Unauthenticated,
                "登录名或密码错误".into(),
                "Wrong login name or password".into(),
            ),
            E::Throttled { retry_after_secs } => (
                RateLimited,
                format!("登录失败次数过多，请 {retry_after_secs} 秒后再试"),
                format!("Too many failed sign-ins; try again in {retry_after_secs} seconds"),
            ),
            E::RegistrationsThrottled { retry_after_secs } => (
                RateLimited,
                format!("注册过于频繁，请 {retry_after_secs} 秒后再试"),
                format!("Too many registrations; try again in {retry_after_secs} seconds"),
            ),
            E::AttemptsThrottled { retry_after_secs } => (
                RateLimited,
                format!("尝试次数过多，请 {retry_after_secs} 秒后再试"),
                format!("Too many attempts; try again in {retry_after_secs} seconds"),
            ),
            E::BadToken => (
                Unauthenticated,
                "登录已失效，请重新登录".into(),
                "Your session is invalid or has expired; please sign in again".into(),
            ),
            E::Suspended => (
                CommunitySuspended,
                "该社区已暂停服务，请联系区/街道管理员".into(),
                "This community is suspended; please contact the district administrator".into(),
            ),
            E::Archived => (
                CommunitySuspended,
                "该社区已归档，不再提供服务".into(),
                "This community is archived and no longer in service".into(),
            ),
            E::Moved(to) => (
                CommunityMoved,
                format!("本社区已迁移，请到新地址使用：{to}"),
                format!("This community has moved; please use it at {to}"),
            ),
            E::Transition => (
                Conflict,
                "社区当前状态不允许此操作".into(),
                "The community's current status does not allow this".into(),
            ),
            E::OwnAccount => (BadUserInput, "不能停用或启用自己的账号".into(), "You cannot deactivate or reactivate your own account".into()),
            E::NegativeCount => (BadUserInput, "户数和人口数不能为负数".into(), "Counts cannot be negative".into()),
            E::CommunityNeeded => (BadUserInput, "此操作需要指定社区（X-Community 请求头）".into(), "This operation needs a community (the X-Community header)".into()),
            E::TooManyGrids => (BadUserInput, "一位网格员最多负责 50 个网格".into(), "A grid worker serves at most 50 grids".into()),
            E::NotAGridWorker => (BadUserInput, "该账号不是本社区的网格员或居民小组长".into(), "That account is not a grid worker or group leader of this community".into()),
            E::NoSuchGrid => (NotFound, "找不到该院落或网格".into(), "No such courtyard or grid".into()),
            E::CourtyardNameTaken => (Conflict, "同名的院落或网格已存在".into(), "A courtyard or grid with this name exists".into()),
            E::InvitationInvalid => (
                BadUserInput,
                "邀请码无效或已更换，请向社区工作人员索取新的邀请".into(),
                "The invitation is not valid or was replaced; ask the community for a new one".into(),
            ),
            E::PlaceOutsideDistrict => (
                BadUserInput,
                "社区只能调整到本区内的街道".into(),
                "A community can only be placed in a street of its own district".into(),
            ),
            E::NoInvitation => (
                NotFound,
                "本社区还没有生成邀请码".into(),
                "The community has no invitation yet".into(),
            ),
            E::CodeWrong => (
                BadUserInput,
                "验证码不对或已过期，请重新获取".into(),
                "The verification code is wrong or expired; ask for a new one".into(),
            ),
            E::CodeNotSent => (
                Timeout,
                "验证码暂时发不出去，请稍后再试".into(),
                "The verification code could not be sent; try again later".into(),
            ),
            E::PhoneHasAccount => (
                Conflict,
                "这个手机号已经有账号了，请直接用手机号和密码登录".into(),
                "This phone number already has an account; sign in with it and your password".into(),
            ),
            E::AlreadyResident => (
                Conflict,
                "您已经是本社区的居民".into(),
                "You are already a resident of this community".into(),
            ),
            E::SignUpExists => (
                Conflict,
                "您已经申请加入过本社区".into(),
                "You have already asked to join this community".into(),
            ),
            E::SignUpDecided => (
                Conflict,
                "这条注册申请已经处理过了".into(),
                "This sign-up was already decided".into(),
            ),
            E::ErasureBlocked(blocking) => {
                let (zh, en): (Vec<String>, Vec<String>) = blocking
                    .iter()
                    .map(|b| {
                        let (zh, en) = b.kind.words(b.count);
                        (format!("{}：{zh}", b.community), format!("{}: {en}", b.community))
                    })
                    .unzip();
                (
                    ErasureBlocked,
                    format!("暂时不能注销。{}。", zh.join("；")),
                    format!("The erasure waits. {}.", en.join("; ")),
                )
            }
            E::RetentionOutOfRange { least_hours } => (
                BadUserInput,
                format!("保存期限须为 {least_hours} 到 87600 小时（审计日志至少 6 个月）"),
                format!("A retention period is {least_hours} to 87,600 hours (the audit log at least six months)"),
            ),
        };
        let mut err = AppError::new(code, zh, en);
        err.field = field;
        err
    }
}
