-- What did each meeting agree on or discuss, with the first source that reports it?
-- Grain: one row per outcome of a meeting (the same outcome from several sources is one row).
with src_outcomes as (
    select * from outcomes
),

mentions as (
    select * from outcome_mentions
),

src_topics as (
    select * from topics
),

src_documents as (
    select id, name from documents
),

first_mention as (
    select outcome_id, min(id) as mention_id, count(distinct document_id) as source_count
    from mentions
    group by outcome_id
),

final as (
    select
        src_outcomes.id as outcome_id,
        src_outcomes.meeting_id,
        src_outcomes.description,
        src_outcomes.category,
        src_outcomes.status,
        src_topics.label as topic,
        src_documents.name as document_name,
        mentions.char_start,
        mentions.char_end,
        first_mention.source_count
    from src_outcomes
    inner join first_mention on first_mention.outcome_id = src_outcomes.id
    inner join mentions on mentions.id = first_mention.mention_id
    inner join src_documents on src_documents.id = mentions.document_id
    left join src_topics on src_topics.id = src_outcomes.topic_id
)

select * from final
