-- A space's kind is one of a closed list (its Rust enum refuses anything else): the kinds the
-- spaces issue names. Earlier free-text kinds become function rooms, except those that already
-- named a listed kind or an outdoor place.
UPDATE spaces SET kind = CASE
    WHEN kind IN ('function_room', 'courtyard_space', 'stage', 'outdoor_yard', 'farm') THEN kind
    WHEN kind IN ('garden', 'yard') THEN 'outdoor_yard'
    WHEN kind IN ('children', 'elderly', 'reading') THEN 'courtyard_space'
    ELSE 'function_room'
END;
ALTER TABLE spaces ADD CONSTRAINT spaces_kind
    CHECK (kind IN ('function_room', 'courtyard_space', 'stage', 'outdoor_yard', 'farm'));
