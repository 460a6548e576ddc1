"""The review queue's order is stored with each comment and indexed, so a page is read, not sorted

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-04 14:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None

#: As participation.comments.models.queue_rank, written out here so this step never changes with the code.
AFTER_FLAGS, PER_URGENCY = 100, 10_000_000


def rank_sql(dialect: str) -> str:
    """Each comment's queue_rank as an SQL expression on comment_analyses."""
    if dialect == 'postgresql':
        day = "(submitted_on - DATE '0001-01-01' + 1)"
    else:
        day = "CAST(julianday(submitted_on) - 1721424.5 AS INTEGER)"
    return (f"CASE WHEN flag_status = 'open' THEN COALESCE(flag_urgency, 99) * {PER_URGENCY} "
            f"+ COALESCE({day}, 0) * 2 ELSE {AFTER_FLAGS * PER_URGENCY} END "
            "+ CASE WHEN EXISTS (SELECT 1 FROM comment_themes t WHERE t.answer_id = comment_analyses.answer_id) "
            "THEN 1 ELSE 0 END")


def upgrade():
    with op.batch_alter_table('comment_analyses', schema=None) as batch_op:
        batch_op.add_column(sa.Column('queue_rank', sa.Integer(), nullable=True))
    op.execute(f"UPDATE comment_analyses SET queue_rank = {rank_sql(op.get_bind().dialect.name)}")
    with op.batch_alter_table('comment_analyses', schema=None) as batch_op:
        batch_op.alter_column('queue_rank', existing_type=sa.Integer(), nullable=False)
    # The comments of one status, and the open flags, each read in the queue's order; these lead with
    # the columns the two indexes they replace held alone.
    op.create_index('ix_comment_analyses_queue', 'comment_analyses', ['status', 'queue_rank', 'confidence', 'answer_id'])
    op.create_index('ix_comment_analyses_flag_queue', 'comment_analyses',
                    ['flag_status', 'queue_rank', 'confidence', 'answer_id'])
    op.drop_index('ix_comment_analyses_status', table_name='comment_analyses')
    op.drop_index('ix_comment_analyses_flag_status', table_name='comment_analyses')
    # The queue's filter offers the questions that have comments: each found through this index.
    op.create_index('ix_comment_analyses_question_id', 'comment_analyses', ['question_id'])


def downgrade():
    op.drop_index('ix_comment_analyses_question_id', table_name='comment_analyses')
    op.create_index('ix_comment_analyses_status', 'comment_analyses', ['status'])
    op.create_index('ix_comment_analyses_flag_status', 'comment_analyses', ['flag_status'])
    op.drop_index('ix_comment_analyses_flag_queue', table_name='comment_analyses')
    op.drop_index('ix_comment_analyses_queue', table_name='comment_analyses')
    with op.batch_alter_table('comment_analyses', schema=None) as batch_op:
        batch_op.drop_column('queue_rank')
