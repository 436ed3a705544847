-- Who are the canonical persons, and how many aliases resolve to each?
-- Grain: one row per canonical person.
with src_persons as (
    select * from persons
),

aliases as (
    select * from person_aliases
),

alias_counts as (
    select person_id, count(*) as alias_count
    from aliases
    group by person_id
),

final as (
    select
        src_persons.id as person_id,
        src_persons.canonical_name as name,
        src_persons.country,
        src_persons.wikidata_id,
        src_persons.source,
        coalesce(alias_counts.alias_count, 0) as alias_count
    from src_persons
    left join alias_counts on alias_counts.person_id = src_persons.id
)

select * from final
