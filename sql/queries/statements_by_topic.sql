-- Which statements touch which topic (Taiwan, climate change, …)?
-- Grain: one row per statement and topic.
with statements as (
    select * from v_statements
),

links as (
    select * from statement_topics
),

topic_labels as (
    select id, label from topics
),

final as (
    select
        topic_labels.label as topic,
        statements.speaker_name,
        statements.kind,
        statements.document_name,
        statements.char_start,
        statements.text
    from links
    inner join statements on statements.statement_id = links.statement_id
    inner join topic_labels on topic_labels.id = links.topic_id
)

select * from final
order by topic, document_name, char_start
