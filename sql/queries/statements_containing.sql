-- What did a speaker say, optionally only where the words contain a phrase?
-- Grain: one row per statement of the speaker, by document and position.
-- params: speaker, phrase=
-- speaker: the canonical name or any alias on record; phrase: any letter case.
with src_statements as (
    select * from v_statements
),

src_aliases as (
    select * from person_aliases
),

chosen as (
    select distinct person_id
    from src_aliases
    where lower(alias) = lower(:speaker) or normalized = lower(:speaker)
),

final as (
    select
        src_statements.statement_id,
        src_statements.speaker_name,
        src_statements.kind,
        src_statements.text,
        src_statements.document_name,
        src_statements.char_start,
        src_statements.char_end
    from src_statements
    inner join chosen on chosen.person_id = src_statements.speaker_id
    where cast(:phrase as varchar(500)) is null
        or lower(src_statements.text) like '%' || lower(cast(:phrase as varchar(500))) || '%'
)

select * from final
order by document_name, char_start
