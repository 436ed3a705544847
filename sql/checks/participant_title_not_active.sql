-- Rule: every role a participant is stored as holding (participant_roles) is one
-- of that person's roles on record, held on the meeting date.
-- Grain: one row per participant row and role that breaks the rule. Only meetings
-- with a date can be checked.
with src_participant_roles as (
    select * from participant_roles
),

src_participants as (
    select id, meeting_id, person_id from meeting_participants
),

src_meetings as (
    select id, start_date from meetings
),

src_roles as (
    select * from person_roles
),

final as (
    select
        src_participants.id,
        src_participants.meeting_id,
        src_participants.person_id,
        src_roles.title,
        src_meetings.start_date
    from src_participant_roles
    inner join src_participants
        on src_participants.id = src_participant_roles.participant_id
    inner join src_meetings on src_meetings.id = src_participants.meeting_id
    inner join src_roles on src_roles.id = src_participant_roles.role_id
    where src_meetings.start_date is not null
        and (
            src_roles.person_id <> src_participants.person_id
            or src_roles.valid_from > src_meetings.start_date
            or src_roles.valid_to < src_meetings.start_date
        )
)

select * from final
order by meeting_id, person_id, title
