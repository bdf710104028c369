-- A survey reaches residents where they are (issue 29; 金竹苑's survey went out through its
-- 公众号, 微信群 and QQ群): each answer keeps the channel its link came by (a grid worker's
-- door-to-door entry is its own), and questions may ask for a rating.
ALTER TABLE survey_questions DROP CONSTRAINT survey_questions_kind_check;
ALTER TABLE survey_questions ADD CONSTRAINT survey_questions_kind_check
    CHECK (kind IN ('single', 'multiple', 'text', 'talent', 'rating'));
ALTER TABLE survey_responses
    ADD COLUMN channel text NOT NULL DEFAULT 'in_app'
        CHECK (channel IN ('in_app', 'wechat_account', 'wechat_group', 'qq_group',
                           'door_to_door'));
