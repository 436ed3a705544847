-- Which canonical persons do the documents mention, how often and in how many documents?
-- Grain: one row per canonical person named at least once (as a mention, a participant
-- or a speaker). The whole reference gazetteer stays in the persons table.
with src_persons as (
    select * from persons
),

aliases as (
    select * from person_aliases
),

mentions as (
    select person_id, document_id from person_mentions
),

participants as (
    select person_id, document_id from meeting_participants
),

speakers as (
    select speaker_id as person_id, document_id from statements
    where speaker_id is not null
),

evidence as (
    select * from mentions
    union
    select * from participants
    union
    select * from speakers
),

alias_counts as (
    select person_id, count(*) as alias_count
    from aliases
    group by person_id
),

mention_counts as (
    select person_id, count(*) as mention_count
    from mentions
    group by person_id
),

document_counts as (
    select person_id, count(distinct document_id) as document_count
    from evidence
    group by person_id
),

final as (
    select
        src_persons.id as person_id,
        src_persons.canonical_name as name,
        src_persons.country,
        src_persons.wikidata_id,
        src_persons.source,
        coalesce(alias_counts.alias_count, 0) as alias_count,
        coalesce(mention_counts.mention_count, 0) as mention_count,
        document_counts.document_count
    from src_persons
    inner join document_counts on document_counts.person_id = src_persons.id
    left join alias_counts on alias_counts.person_id = src_persons.id
    left join mention_counts on mention_counts.person_id = src_persons.id
)

select * from final
