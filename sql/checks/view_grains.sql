-- Rule: every analyst view has one row per key of its stated grain, and no key
-- is missing.
-- Grain: one row per view and key value that repeats or is null.
-- When: etl check (it reads every row of every view, so not after each load).
with keys as (
    select 'v_documents' as view_name, cast(document_id as varchar(64)) as grain_key
    from v_documents
    union all
    select 'v_persons', cast(person_id as varchar(64)) from v_persons
    union all
    select 'v_meetings', cast(meeting_id as varchar(64)) from v_meetings
    union all
    select 'v_participants',
        cast(meeting_id as varchar(64)) || ':' || cast(person_id as varchar(64))
    from v_participants
    union all
    select 'v_statements', cast(statement_id as varchar(64)) from v_statements
    union all
    select 'v_outcomes', cast(outcome_id as varchar(64)) from v_outcomes
    union all
    select 'v_date_conflicts', cast(conflict_id as varchar(64)) from v_date_conflicts
    union all
    select 'v_quote_checks', cast(statement_id as varchar(64)) from v_quote_checks
    union all
    select 'v_fact_conflicts',
        coalesce(cast(meeting_id as varchar(64)), '-') || ':' || field || ':' || document_name
        || ':' || coalesce(value, '-') || ':' || cast(char_start as varchar(64))
    from v_fact_conflicts
),

final as (
    select view_name, grain_key, count(*) as row_count
    from keys
    group by view_name, grain_key
    having count(*) > 1 or grain_key is null
)

select * from final
order by view_name, grain_key
