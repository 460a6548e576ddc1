"""Tracker items belong to a source (a review, an action plan, a meeting...) with sections, and keep every column

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-03 14:50:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'tracker_sources',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('held_on', sa.Date(), nullable=True),
        sa.Column('sections', sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_tracker_sources')))
    with op.batch_alter_table('you_said_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('origin_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('section', sa.String(length=300), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('extra', sa.JSON(), nullable=False, server_default='{}'))
        batch_op.create_index(batch_op.f('ix_you_said_items_origin_id'), ['origin_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_you_said_items_origin_id_tracker_sources'), 'tracker_sources',
                                    ['origin_id'], ['id'], ondelete='SET NULL')
    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status_words', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('second_due_on', sa.Date(), nullable=True))


def downgrade():
    with op.batch_alter_table('actions', schema=None) as batch_op:
        batch_op.drop_column('second_due_on')
        batch_op.drop_column('status_words')
    with op.batch_alter_table('you_said_items', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_you_said_items_origin_id_tracker_sources'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_you_said_items_origin_id'))
        batch_op.drop_column('extra')
        batch_op.drop_column('section')
        batch_op.drop_column('origin_id')
    op.drop_table('tracker_sources')
