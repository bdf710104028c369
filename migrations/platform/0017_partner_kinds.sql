-- Every kind of partner the seed reports name: beside universities, enterprises, merchants,
-- property companies and social organisations, the 群团 (工会, 妇联, 共青团, 残联, 科协,
-- 红十字会), social-work agencies, self-governing organisations (居民自治组织, 业委会), schools,
-- hospitals and banks. Existing organisations keep their kind.
ALTER TABLE platform.organisations DROP CONSTRAINT organisations_kind_check;
ALTER TABLE platform.organisations ADD CONSTRAINT organisations_kind_check CHECK (kind IN (
    'university', 'enterprise', 'merchant', 'property_company', 'social_organisation',
    'trade_union', 'womens_federation', 'youth_league', 'disabled_persons_federation',
    'science_association', 'red_cross', 'social_work_agency', 'residents_self_governing',
    'owners_committee', 'school', 'hospital', 'bank'));
