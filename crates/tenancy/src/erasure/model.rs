//! What may hold an erasure back, and what an erasure did.

/// Why an erasure waits (注销前须先办结): reported by a domain's `erasure_blockers_<crate>`
/// as its `reason`; a reason not named here fails the read, never passes as no blocker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[cfg_attr(feature = "graphql", derive(async_graphql::Enum))]
#[cfg_attr(feature = "graphql", graphql(name = "ErasureBlockerKind"))]
#[sqlx(type_name = "text", rename_all = "snake_case")]
pub enum BlockerKind {
    /// A booking requested or approved that has not ended (进行中或将来的预约).
    BookingOpen,
    /// A redemption not yet handed over (未领取的兑换).
    RedemptionUnreturned,
    /// A farm plot held this season (认领中的地块).
    PlotHeld,
    /// Children in the person's care with their own records (照护的孩子).
    ChildrenInCare,
}

impl BlockerKind {
    /// What to do about it, in Chinese then English.
    pub fn words(self, count: i64) -> (String, String) {
        match self {
            BlockerKind::BookingOpen => (
                format!("有 {count} 个未结束的场地预约，请先取消或等它结束"),
                format!("{count} room booking(s) not yet over: cancel them or let them end"),
            ),
            BlockerKind::RedemptionUnreturned => (
                format!("有 {count} 份兑换还没领取，请先到服务台领取或取消"),
                format!("{count} redemption(s) not yet collected: collect or cancel them"),
            ),
            BlockerKind::PlotHeld => (
                format!("认领着 {count} 块菜地，请先退还"),
                format!("{count} farm plot(s) held: hand them back first"),
            ),
            BlockerKind::ChildrenInCare => (
                format!("照护着 {count} 个孩子的档案，请先注销孩子的档案或请社区移交"),
                format!(
                    "{count} child record(s) in your care: erase them or ask staff to transfer them first"
                ),
            ),
        }
    }
}

/// One thing an erasure waits for, in one community.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErasureBlocker {
    pub community: String,
    pub kind: BlockerKind,
    pub count: i64,
}

/// What an erasure did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Erasure {
    /// Communities whose rows were erased.
    pub communities: usize,
    /// Rows rewritten or deleted, the platform's included.
    pub rows: u64,
    /// Objects deleted from storage: photos and copies.
    pub objects: usize,
}
