-- Where is each person mentioned, and how was each mention resolved?
-- Grain: one row per resolved person mention (document span).
with mentions as (
    select * from person_mentions
),

people as (
    select id, canonical_name from persons
),

docs as (
    select id, name from documents
),

final as (
    select
        people.canonical_name as person_name,
        docs.name as document_name,
        mentions.char_start,
        mentions.char_end,
        mentions.mention_text,
        mentions.mention_kind,
        mentions.method,
        mentions.score
    from mentions
    inner join people on people.id = mentions.person_id
    inner join docs on docs.id = mentions.document_id
)

select * from final
order by person_name, document_name, char_start
