import { Body, Controller, Get, Param, Patch, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../access/actor';
import { Allow } from '../access/decorators';
import { LetterheadRequest, LetterheadResponse, LetterTemplateRequest, LetterTemplateResponse, LetterTemplatesResponse } from './dto/letterhead.dto';
import { LETTER_KIND_NAMES } from './kinds';
import { LetterTemplatesService } from './letter-templates.service';

/** process.md §2: the organisation's letterhead and the wording of its letters (admin). */
@ApiTags('letters')
@ApiBearerAuth()
@Controller('organisation')
export class OrganisationLettersController {
  constructor(private readonly templates: LetterTemplatesService) {}

  @Get('letterhead')
  @Allow('organisation:manage')
  @ApiOperation({ summary: 'The letterhead every letter is printed on: name, address, signatory (admin)' })
  @ApiOkResponse({ type: LetterheadResponse })
  getLetterhead(@CurrentActor() actor: Actor): Promise<LetterheadResponse> {
    return this.templates.letterhead(actor);
  }

  @Patch('letterhead')
  @Allow('organisation:manage')
  @ApiOperation({ summary: 'Set the letterhead’s address and signatory (admin; audited)' })
  @ApiOkResponse({ type: LetterheadResponse })
  updateLetterhead(@CurrentActor() actor: Actor, @Body() body: LetterheadRequest): Promise<LetterheadResponse> {
    return this.templates.updateLetterhead(actor, body);
  }

  @Get('letter-templates')
  @Allow('organisation:manage')
  @ApiOperation({ summary: 'The wording of each kind of letter: in use, the default, and its placeholders (admin)' })
  @ApiOkResponse({ type: LetterTemplatesResponse })
  listLetterTemplates(@CurrentActor() actor: Actor): Promise<LetterTemplatesResponse> {
    return this.templates.templates(actor);
  }

  @Put('letter-templates/:kind')
  @Allow('organisation:manage')
  @ApiOperation({
    summary: 'Adjust the wording of a kind of letter (admin; audited)',
    description:
      'The placeholders are filled by the system: a wording without a required one, or with one unknown, is refused (422 `template_placeholders`, naming `body`).',
  })
  @ApiParam({ name: 'kind', enum: LETTER_KIND_NAMES, description: 'the kind of letter (docs/letters.md)' })
  @ApiOkResponse({ type: LetterTemplateResponse })
  @ApiUnprocessableEntityResponse({ description: '`template_placeholders`: a required placeholder removed, or an unknown one used' })
  updateLetterTemplate(@CurrentActor() actor: Actor, @Param('kind') kind: string, @Body() body: LetterTemplateRequest): Promise<LetterTemplateResponse> {
    return this.templates.setTemplate(actor, kind, body.body);
  }
}
