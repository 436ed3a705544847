-- Which documents failed or were skipped, and why?
-- Grain: one row per document that did not load.
with documents as (
    select * from v_documents
),

final as (
    select document_name, status, error
    from documents
    where status <> 'loaded'
)

select * from final
order by status, document_name
