-- Every community schema starts here. Runs as the community's own role with search_path set to
-- its schema: no name in this file may carry a schema. Keep it lean: onboarding cost grows with
-- every table and index (see docs/PERFORMANCE.md).

CREATE TABLE schema_migrations (
    version     integer PRIMARY KEY,
    name        text NOT NULL,
    checksum    text NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
);

-- tenancy: courtyards and grids (院落 / 网格) as records
CREATE TABLE courtyards (
    id          uuid PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    kind        text NOT NULL CHECK (kind IN ('courtyard', 'grid')),
    households  integer CHECK (households >= 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- courses: the configurable category list (课程类别)
CREATE TABLE course_categories (
    code      text PRIMARY KEY,
    name      text NOT NULL,
    position  integer NOT NULL
);
INSERT INTO course_categories (code, name, position) VALUES
    ('health', '健康养生', 1), ('yoga', '瑜伽', 2), ('photography', '摄影', 3),
    ('nature', '自然课题', 4), ('children', '儿童教育', 5), ('safety', '安全', 6),
    ('life_skills', '生活技能', 7), ('law', '法律法规', 8), ('party', '党建教育', 9),
    ('skills', '技能培训', 10);

-- spaces: shared spaces and function rooms (共享空间)
CREATE TABLE spaces (
    id          uuid PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    kind        text NOT NULL,
    capacity    integer NOT NULL CHECK (capacity > 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- volunteers: typed posts of the time bank (岗位类型)
CREATE TABLE volunteer_post_types (
    code      text PRIMARY KEY,
    name      text NOT NULL
);
INSERT INTO volunteer_post_types (code, name) VALUES
    ('civility_patrol', '文明巡查岗'), ('community_service', '社区服务岗'),
    ('sanitation', '环境卫生岗');

-- partners: the kinds of the "three lists" (三张清单), configurable per community
CREATE TABLE list_kinds (
    code      text PRIMARY KEY,
    name      text NOT NULL,
    position  integer NOT NULL
);
INSERT INTO list_kinds (code, name, position) VALUES
    ('demand', '需求清单', 1), ('resource', '资源清单', 2), ('project', '项目清单', 3);
