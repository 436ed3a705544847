-- What did a speaker say, optionally only where the words contain a phrase?
-- Grain: one row per statement of the speaker, by document and position.
-- params: speaker (name), phrase=
-- speaker: the canonical name or any alias on record; phrase: any letter case,
-- taken literally (% and _ are not wildcards).
with src_statements as (
    select * from v_statements
),

src_aliases as (
    select * from person_aliases
),

chosen as (
    select distinct person_id
    from src_aliases
    where normalized = :speaker
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
    where cast(:phrase as text) is null
        or lower(src_statements.text) like '%' || replace(
            replace(replace(lower(cast(:phrase as text)), '!', '!!'), '%', '!%'), '_', '!_'
        ) || '%' escape '!'
)

select * from final
order by document_name, char_start
