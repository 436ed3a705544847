-- Rule: every person can be found by at least one alias.
-- Grain: one row per person without an alias.
with src_persons as (
    select id, canonical_name from persons
),

aliases as (
    select distinct person_id from person_aliases
),

final as (
    select src_persons.id, src_persons.canonical_name
    from src_persons
    left join aliases on aliases.person_id = src_persons.id
    where aliases.person_id is null
)

select * from final
order by id
