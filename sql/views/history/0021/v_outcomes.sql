-- What did each meeting agree on or discuss, with the first source that reports it?
-- Grain: one row per outcome of a meeting (the same outcome from several sources is one row).
-- The first source: the earliest published document (undated ones last), then by
-- document name, then the earliest span: an ordering rule, not the load order.
-- confidence: how likely the meeting reached or discussed it, its status aside
-- (0-1; null until the end of the run).
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
    select id, name, published_date from documents
),

ranked as (
    select
        mentions.outcome_id,
        src_documents.name as document_name,
        mentions.char_start,
        mentions.char_end,
        row_number() over (
            partition by mentions.outcome_id
            order by
                case when src_documents.published_date is null then 1 else 0 end,
                src_documents.published_date,
                src_documents.name,
                mentions.char_start,
                mentions.char_end
        ) as source_rank
    from mentions
    inner join src_documents on src_documents.id = mentions.document_id
),

source_counts as (
    select outcome_id, count(distinct document_id) as source_count
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
        ranked.document_name,
        ranked.char_start,
        ranked.char_end,
        source_counts.source_count,
        src_outcomes.confidence
    from src_outcomes
    inner join ranked on ranked.outcome_id = src_outcomes.id and ranked.source_rank = 1
    inner join source_counts on source_counts.outcome_id = src_outcomes.id
    left join src_topics on src_topics.id = src_outcomes.topic_id
)

select * from final
