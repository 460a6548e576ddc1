"""Committee papers: the cover words and commentary officers write for a meeting, and the comments they quote

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 21:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('committee_papers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('meeting_on', sa.Date(), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=False),
    sa.Column('period_end', sa.Date(), nullable=False),
    sa.Column('report_of', sa.Text(), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('asked_to', sa.Text(), nullable=False),
    sa.Column('commentary', sa.Text(), nullable=False),
    sa.Column('updated_by', sa.Integer(), nullable=True),
    sa.Column('updated_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['updated_by'], ['staff_users.id'], name=op.f('fk_committee_papers_updated_by_staff_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_committee_papers')),
    sa.UniqueConstraint('meeting_on', name=op.f('uq_committee_papers_meeting_on'))
    )
    op.create_table('committee_quotes',
    sa.Column('answer_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('starred_by', sa.Integer(), nullable=True),
    sa.Column('starred_on', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['answer_id'], ['comment_analyses.answer_id'], name=op.f('fk_committee_quotes_answer_id_comment_analyses'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['starred_by'], ['staff_users.id'], name=op.f('fk_committee_quotes_starred_by_staff_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('answer_id', name=op.f('pk_committee_quotes'))
    )


def downgrade():
    op.drop_table('committee_quotes')
    op.drop_table('committee_papers')
