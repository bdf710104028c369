-- Staff void an activity a partner recorded under an agreement (a duplicate, one never held):
-- the entry is kept and marked, with who voided it and why, and no longer counts as delivered
-- nor in the district's 共建承诺兑现率. Its reference stays taken: the same course, shift or
-- event is not recorded again for the agreement.
ALTER TABLE agreement_activities
    ADD COLUMN voided_at timestamptz,
    ADD COLUMN voided_by uuid,
    ADD COLUMN void_reason text CHECK (length(void_reason) BETWEEN 1 AND 200),
    ADD CONSTRAINT agreement_activities_voided CHECK (
        (voided_at IS NULL) = (voided_by IS NULL) AND (voided_at IS NULL) = (void_reason IS NULL));
